package dev.leeway.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of walking the audit chain.
 *
 * @param intact whether every record links to the one before, still has the hash it was written with, and
 *        has the hash that any anchor given to the walk saw
 * @param recordsChecked how many records were walked
 * @param firstBreak where the chain first breaks, absent when intact
 * @param head the last record walked, present when the chain is intact: keep it outside the
 *        database, and pass it to a later walk as {@code position} and {@code hash} to show that
 *        nothing up to it was changed since, not even with every later hash computed anew
 */
public record ChainVerification(
        boolean intact,
        long recordsChecked,
        @JsonInclude(JsonInclude.Include.NON_NULL) Break firstBreak,
        @JsonInclude(JsonInclude.Include.NON_NULL) Head head) {

    /**
     * @param position the chain position at which the break is found
     * @param recordId the record at that position (null when the record is missing)
     * @param problem what is wrong, in words
     */
    public record Break(long position, String recordId, String problem) {}

    /** A record's place in the chain and its hash. */
    public record Head(long position, String hash) {}
}
