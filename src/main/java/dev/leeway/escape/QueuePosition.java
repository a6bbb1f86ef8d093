package dev.leeway.escape;

import dev.leeway.web.OpaqueCursor;
import dev.leeway.web.OpaqueCursor.InvalidCursorException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a page of the review queue ended: the last use it showed. The next page starts after it in
 * the queue's order, so reviews settled meanwhile, which take uses out of the queue, cannot make a
 * page skip the ones that are left.
 */
record QueuePosition(Instant invokedAt, String invocationId) {

    private static final String KIND = "after";

    static QueuePosition of(EscapeUse last) {
        return new QueuePosition(last.invokedAt(), last.invocationId());
    }

    String cursor() {
        return OpaqueCursor.encode(KIND, invokedAt + " " + invocationId);
    }

    /** The position a cursor holds; null (the start of the queue) when there is no cursor. */
    static QueuePosition from(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] parts = OpaqueCursor.decode(KIND, cursor).split(" ", 2);
        try {
            if (parts.length == 2 && !parts[1].isBlank()) {
                return new QueuePosition(Instant.parse(parts[0]), parts[1]);
            }
        } catch (DateTimeParseException notOurs) {
            // reported below
        }
        throw new InvalidCursorException(cursor);
    }
}
