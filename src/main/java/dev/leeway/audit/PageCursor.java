package dev.leeway.audit;

import dev.leeway.web.OpaqueCursor;
import dev.leeway.web.OpaqueCursor.InvalidCursorException;

/**
 * The cursor of the decision listing: it encodes where the last page ended, so the next page
 * neither repeats nor skips records however many are appended meanwhile.
 */
final class PageCursor {

    private static final String KIND = "before";

    private PageCursor() {}

    static String before(long position) {
        return OpaqueCursor.encode(KIND, Long.toString(position));
    }

    /** The position a page must stay below, 0 for the first page. */
    static long position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            long position = Long.parseLong(OpaqueCursor.decode(KIND, cursor));
            if (position > 0) {
                return position;
            }
        } catch (NumberFormatException notOurs) {
            // reported below
        }
        throw new InvalidCursorException(cursor);
    }
}
