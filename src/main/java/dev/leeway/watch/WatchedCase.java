package dev.leeway.watch;

import dev.leeway.decision.Decision;
import java.time.Instant;
import java.util.List;

/**
 * A watched case as {@code GET /api/v1/cases/{id}} shows it.
 *
 * @param watching false once the case is closed or confirmed solved: Leeway no longer decides it by itself
 * @param revision how many times the helpdesk has sent the case; null once the watch ended
 * @param lastDecision the latest decision, recorded in the audit log under its id
 * @param nextEvaluationAt when Leeway decides the case again by itself; null when nothing changes by itself
 * @param nextBrings what that evaluation is expected to bring
 */
public record WatchedCase(String caseId, boolean watching, Long revision, Decision lastDecision,
        Instant nextEvaluationAt, List<ExpectedEvent> nextBrings) {}
