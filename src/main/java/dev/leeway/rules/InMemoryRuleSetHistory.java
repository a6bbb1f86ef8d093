package dev.leeway.rules;

import dev.leeway.problem.OpaqueCursor;
import dev.leeway.problem.OpaqueCursor.InvalidCursorException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keeps the activation history for the life of the process: the history when the audit log is
 * off. With the audit log on, the history is read from it, and survives restarts.
 */
public class InMemoryRuleSetHistory implements RuleSetHistory {

    private static final String CURSOR_KIND = "activation-in-memory";

    /** Oldest first, so an activation's index never changes and can be a cursor. */
    private final List<RuleSetActivation> activations = new ArrayList<>();

    @Override
    public synchronized void record(RuleSetActivation activation) {
        activations.add(activation);
    }

    @Override
    public synchronized HistoryPage page(String cursor, int limit) {
        int end = cursor == null || cursor.isBlank() ? activations.size() : olderThan(cursor);
        int start = Math.max(0, end - limit);
        List<RuleSetActivation> newestFirst = new ArrayList<>(activations.subList(start, end));
        Collections.reverse(newestFirst);
        return new HistoryPage(newestFirst, start > 0 ? OpaqueCursor.encode(CURSOR_KIND, Integer.toString(start)) : null);
    }

    private int olderThan(String cursor) {
        long index = OpaqueCursor.decodePosition(CURSOR_KIND, cursor);
        if (index > activations.size()) {
            throw new InvalidCursorException(cursor);
        }
        return (int) index;
    }
}
