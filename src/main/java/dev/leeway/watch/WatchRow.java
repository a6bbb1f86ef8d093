package dev.leeway.watch;

import java.time.Instant;

/** One row of {@code watched_case}: a watched case, its last decision and its timer. */
record WatchRow(String caseId, long revision, String request, String lastDecisionId, String lastDecision,
        Instant lastEvaluatedAt, Instant nextEvaluationAt, String nextBrings, String claimedBy) {}
