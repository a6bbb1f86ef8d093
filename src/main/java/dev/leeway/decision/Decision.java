package dev.leeway.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Leeway's answer for one case at one instant: who may act, how and by when, and the trace of
 * the rules that produced it. Immutable, so it can be recorded and replayed as it was sent.
 *
 * @param decisionId time-ordered (UUIDv7)
 * @param verdict the answer to the request, absent when no request was made
 */
public record Decision(
        UUID decisionId,
        String caseId,
        Instant evaluatedAt,
        RuleSetRef ruleSet,
        Route route,
        List<Deadline> deadlines,
        List<Escape> escapes,
        List<Permission> permissions,
        List<Guardrail> guardrails,
        List<Obligation> obligations,
        List<ChecklistItem> checklist,
        List<Flag> flags,
        @JsonInclude(JsonInclude.Include.NON_NULL) Verdict verdict,
        List<FiredRule> firedRules) {}
