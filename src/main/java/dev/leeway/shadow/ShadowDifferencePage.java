package dev.leeway.shadow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A page of the running shadow's differences, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next (older) page; absent on the last page
 */
public record ShadowDifferencePage(List<ShadowDifference> items,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {}
