package dev.leeway.audit;

import dev.leeway.problem.OpaqueCursor;

/**
 * The cursor of a listing of audit records, newest first: it encodes the chain position where the
 * last page ended, so the next page neither repeats nor skips records however many are appended
 * meanwhile. Each listing has its own kind, so one listing's cursor is refused by another.
 */
final class PageCursor {

    /** The decision listing's; its kind is the one its cursors have always carried. */
    static final PageCursor DECISIONS = new PageCursor("before");

    static final PageCursor RULE_SET_ACTIVATIONS = new PageCursor("activation-before");

    private final String kind;

    private PageCursor(String kind) {
        this.kind = kind;
    }

    String before(long position) {
        return OpaqueCursor.encode(kind, Long.toString(position));
    }

    /** The position a page must stay below, 0 for the first page. */
    long position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        return OpaqueCursor.decodePosition(kind, cursor);
    }
}
