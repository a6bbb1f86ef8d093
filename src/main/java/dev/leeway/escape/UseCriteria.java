package dev.leeway.escape;

import java.time.Instant;

/**
 * Which uses of escapes a listing wants; every part is optional.
 *
 * @param status where the review stands: {@code PENDING_REVIEW}, {@code APPROVED}, {@code FLAGGED} or {@code NO_REVIEW}
 * @param from used at or after (inclusive)
 * @param to used before (exclusive)
 */
record UseCriteria(String status, String reviewerRole, String escapeId, String caseId, String invokedBy, Instant from,
        Instant to) {

    static UseCriteria queue(String status, String reviewerRole) {
        return new UseCriteria(status, reviewerRole, null, null, null, null, null);
    }
}
