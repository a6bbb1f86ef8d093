package dev.leeway.escape;

import dev.leeway.problem.OpaqueCursor;
import dev.leeway.problem.OpaqueCursor.InvalidCursorException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a page of uses ended: the last use it showed, in the order uses were made. The next page
 * starts right after it (the review queue, oldest first) or right before it (the auditors'
 * listing, newest first), so uses reviewed meanwhile, which leave the queue, cannot make a page
 * skip the ones that are left.
 */
record UsePosition(Instant invokedAt, String invocationId) {

    /** Cursor kinds: the queue pages forward in time, the auditors' listing backward. */
    static final String AFTER = "after";
    static final String BEFORE = "use-before";

    static UsePosition of(EscapeUse last) {
        return new UsePosition(last.invokedAt(), last.invocationId());
    }

    String cursor(String kind) {
        return OpaqueCursor.encode(kind, invokedAt + " " + invocationId);
    }

    /** The position a cursor of this kind holds; null (the start) when there is no cursor. */
    static UsePosition from(String kind, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] parts = OpaqueCursor.decode(kind, cursor).split(" ", 2);
        try {
            if (parts.length == 2 && !parts[1].isBlank()) {
                return new UsePosition(Instant.parse(parts[0]), parts[1]);
            }
        } catch (DateTimeParseException notOurs) {
            // reported below
        }
        throw new InvalidCursorException(cursor);
    }
}
