package dev.leeway.audit.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leeway.audit.ChainVerification;
import java.time.Instant;

/**
 * One walk of the audit chain, while it runs and after: who started it, how far it has come, and
 * what it found.
 *
 * @param verificationId time-ordered (UUIDv7)
 * @param triggeredBy whether someone asked for it or the schedule ({@code leeway.audit.verify-every}) started it
 * @param requestedBy the authenticated caller that asked for it; absent for a scheduled walk
 * @param instance the service instance that walks the chain
 * @param startedAt when the walk began
 * @param finishedAt when it ended; absent while it runs
 * @param headPosition where the chain ended when the walk began: the walk checks at least that many
 *        records; absent until the walk has read it. Once the chain was found intact, the last
 *        position walked, as in {@code result.head}
 * @param recordsChecked how many records the walk has checked so far
 * @param result what the walk found; present once it is {@code FINISHED}
 * @param failure why the walk did not finish; present when it is {@code FAILED} or {@code INTERRUPTED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationRun(
        String verificationId,
        Trigger triggeredBy,
        String requestedBy,
        String instance,
        Status status,
        Instant startedAt,
        Instant finishedAt,
        Long headPosition,
        long recordsChecked,
        ChainVerification result,
        String failure) {

    /** Why a walk was started. */
    public enum Trigger {
        /** Someone asked: {@code POST /api/v1/audit/verifications} or {@code GET /api/v1/audit/verify}. */
        REQUEST,
        /** {@code leeway.audit.verify-every} had passed since the last walk. */
        SCHEDULE
    }

    /** Where a walk stands. */
    public enum Status {
        RUNNING,
        /** The walk reached the end of the chain; {@code result} says whether it is intact. */
        FINISHED,
        /** The walk stopped on an error, such as a database that stopped answering. */
        FAILED,
        /** The instance walking the chain stopped, or stopped reporting, before the walk ended. */
        INTERRUPTED
    }
}
