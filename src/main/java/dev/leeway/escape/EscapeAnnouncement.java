package dev.leeway.escape;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What subscribers are told of a use of an escape ({@code escape.used}) or its review
 * ({@code escape.reviewed}). The justification and the review note are left out: free text can
 * carry a customer's details, and subscribers who may see them read the use through the API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EscapeAnnouncement(String invocationId, String decisionId, String escapeId, String invokedBy,
        String reviewerRole, String status, Instant invokedAt, String reviewedBy, Instant reviewedAt) {

    static EscapeAnnouncement of(EscapeUse use) {
        return new EscapeAnnouncement(use.invocationId(), use.decisionId(), use.escapeId(), use.invokedBy(),
                use.reviewerRole(), use.status(), use.invokedAt(), use.reviewedBy(), use.reviewedAt());
    }
}
