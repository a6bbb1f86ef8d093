package dev.leeway.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A page of dead letters, oldest first.
 *
 * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
 */
public record DeadLetterPage(List<DeadLetter> items, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {}
