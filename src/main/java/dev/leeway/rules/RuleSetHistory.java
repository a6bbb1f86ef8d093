package dev.leeway.rules;

/** Every rule set that was ever active, so auditors can tell which rules were in force when. */
public interface RuleSetHistory {

    void record(RuleSetActivation activation);

    /**
     * Newest first, a page at a time: at most {@code limit} activations older than where the
     * {@code cursor} of the previous page points (null: from the newest).
     *
     * @throws dev.leeway.problem.OpaqueCursor.InvalidCursorException when the cursor is not one this history handed out
     */
    HistoryPage page(String cursor, int limit);
}
