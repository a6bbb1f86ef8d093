package dev.leeway.audit;

import java.time.Instant;
import java.util.List;

/**
 * One record to append to the audit log.
 *
 * @param subjectId the record this one is about (the decision an invocation used, the invocation a review judged)
 * @param payload the record's content as JSON, stored and hashed exactly as given
 * @param ruleIds rules that fired, for filtering by rule
 * @param escapeIds escapes offered or used, for filtering by escape
 * @param ruleSet the rule-set contents to keep for this version, if not kept yet (null for non-decisions)
 */
public record AuditEntry(
        String recordId,
        RecordKind kind,
        Instant recordedAt,
        String caseId,
        String actorId,
        String ruleSetVersion,
        String subjectId,
        String payload,
        List<String> ruleIds,
        List<String> escapeIds,
        RuleSetContents ruleSet) {

    public AuditEntry {
        ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
        escapeIds = escapeIds == null ? List.of() : List.copyOf(escapeIds);
    }

    /** A version's files as JSON ({@code [{"path": …, "content": …}]}). */
    public record RuleSetContents(String version, String filesJson) {}
}
