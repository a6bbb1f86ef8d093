package dev.leeway.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A page of the rule-set history, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next (older) page; absent on the last page
 */
public record HistoryPage(List<RuleSetActivation> items, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {}
