package dev.leeway.audit;

import java.time.Instant;

/** One decision in a listing; {@code GET /api/v1/audit/decisions/{decisionId}} has the full record. */
public record DecisionSummary(String decisionId, long position, Instant recordedAt, String caseId, String actorId,
        String ruleSetVersion, String hash) {}
