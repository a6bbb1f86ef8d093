package dev.leeway.audit;

/**
 * Told how far a walk of the audit chain has come, so that a long verification can report progress
 * while it runs.
 */
@FunctionalInterface
public interface WalkProgress {

    /** Every so often while walking, and once before the first record. */
    void walked(long recordsChecked, long headPosition);

    WalkProgress IGNORED = (recordsChecked, headPosition) -> {};
}
