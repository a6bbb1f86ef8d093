package dev.leeway.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of walking the audit chain.
 *
 * @param intact whether every record links to the one before and still has the hash it was written with
 * @param recordsChecked how many records were walked
 * @param firstBreak where the chain first breaks, absent when intact
 */
public record ChainVerification(
        boolean intact,
        long recordsChecked,
        @JsonInclude(JsonInclude.Include.NON_NULL) Break firstBreak) {

    /**
     * @param position the chain position at which the break is found
     * @param recordId the record at that position (null when the record is missing)
     * @param problem what is wrong, in words
     */
    public record Break(long position, String recordId, String problem) {}
}
