package dev.leeway.escape;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A page of uses of escapes: of the review queue (oldest first), or of every recorded use (newest first).
 *
 * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
 */
public record EscapeUsePage(List<EscapeUse> items, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {}
