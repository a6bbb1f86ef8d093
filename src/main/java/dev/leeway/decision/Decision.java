package dev.leeway.decision;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Leeway's answer for one case at one instant: who may act, how and by when, and the trace of
 * the rules that produced it. Immutable, so it can be recorded and replayed as it was sent.
 *
 * @param decisionId time-ordered (UUIDv7)
 * @param verdict the answer to the request, absent when no request was made
 * @param caseEnded whether the vocabulary calls the case's status closed or solution-confirmed; not
 *     part of the answer, which is as it was before vocabularies (so older records replay the same)
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
        List<FiredRule> firedRules,
        @JsonIgnore @Schema(hidden = true) boolean caseEnded) {}
