package dev.leeway.escape;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A page of the review queue, oldest use first.
 *
 * @param nextCursor pass as {@code cursor} for the next (newer) page; absent on the last page
 */
public record ReviewQueuePage(List<EscapeUse> items, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {}
