package dev.leeway.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A page of decisions, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next (older) page; absent on the last page
 */
public record DecisionPage(List<DecisionSummary> items, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {}
