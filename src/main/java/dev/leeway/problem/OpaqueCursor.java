package dev.leeway.problem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code cursor} that listings hand out for their next page. It is opaque to clients (URL-safe
 * Base64), and carries a kind so that a cursor from one listing is refused by another rather than
 * read as a different position.
 */
public final class OpaqueCursor {

    private OpaqueCursor() {}

    public static String encode(String kind, String position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + ':' + position).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position a cursor of this kind carries.
     *
     * @throws InvalidCursorException when the cursor is not one of this kind that this service handed out
     */
    public static String decode(String kind, String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(kind + ':')) {
                return decoded.substring(kind.length() + 1);
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below, like any other cursor that is not ours
        }
        throw new InvalidCursorException(cursor);
    }

    /**
     * The position, a whole number above zero, that a cursor of this kind carries.
     *
     * @throws InvalidCursorException when the cursor is not one of this kind that this service handed out
     */
    public static long decodePosition(String kind, String cursor) {
        try {
            long position = Long.parseLong(decode(kind, cursor));
            if (position > 0) {
                return position;
            }
        } catch (NumberFormatException notOurs) {
            // reported below, like any other cursor that is not ours
        }
        throw new InvalidCursorException(cursor);
    }

    /** A cursor this service did not hand out for that listing; answered as a 400 naming {@code cursor}. */
    public static final class InvalidCursorException extends InvalidParameterException {

        public InvalidCursorException(String cursor) {
            super("cursor", "\"" + cursor + "\" is not a cursor this service handed out for this listing; start again without one");
        }
    }
}
