package dev.leeway.escape;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One use of an escape, and where its review stands.
 *
 * @param status {@code PENDING_REVIEW}, {@code APPROVED}, {@code FLAGGED}, or {@code NO_REVIEW} when
 *     the escape asks for none
 * @param invokedBy the actor who used it, as the client asserted
 * @param assertedBy the authenticated client that asserted the actor (an API key's name, or a JWT's subject and
 *     issuer)
 * @param reviewerRole who is to review it (null when nobody is)
 * @param reviewedBy the authenticated reviewer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EscapeUse(
        String invocationId,
        String decisionId,
        String escapeId,
        String caseId,
        String invokedBy,
        String assertedBy,
        String justification,
        List<String> requires,
        String reviewerRole,
        Instant invokedAt,
        String status,
        String reviewedBy,
        String note,
        Instant reviewedAt) {

    /** The same use, with where its review now stands. */
    EscapeUse reviewed(String newStatus, String by, String withNote, Instant at) {
        return new EscapeUse(invocationId, decisionId, escapeId, caseId, invokedBy, assertedBy, justification, requires,
                reviewerRole, invokedAt, newStatus, by, withNote, at);
    }
}
