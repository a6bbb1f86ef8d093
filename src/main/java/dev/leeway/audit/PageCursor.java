package dev.leeway.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code cursor} of audit listings: it encodes where the last page ended, so the next
 * page neither repeats nor skips records however many are appended meanwhile.
 */
final class PageCursor {

    private static final String PREFIX = "before:";

    private PageCursor() {}

    static String before(long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a page must stay below, 0 for the first page. */
    static long position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                long position = Long.parseLong(decoded.substring(PREFIX.length()));
                if (position > 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException notOurs) {
            // reported below
        }
        throw new InvalidCursorException(cursor);
    }

    /** A cursor this service did not hand out. */
    static final class InvalidCursorException extends RuntimeException {

        InvalidCursorException(String cursor) {
            super("cursor " + cursor + " is not one this service handed out; start again without a cursor");
        }
    }
}
