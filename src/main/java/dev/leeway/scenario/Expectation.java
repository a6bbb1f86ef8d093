package dev.leeway.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.leeway.decision.DeadlineClock;
import java.time.Instant;
import java.util.List;

/**
 * What a scenario expects of the decision. Every part is optional; lists of ids must all be
 * present ({@code escapes}) or all be absent ({@code noEscapes}). Rules are named by {@code @id}
 * or by name.
 */
public record Expectation(
        RouteExpectation route,
        List<String> escapes,
        List<String> noEscapes,
        VerdictExpectation verdict,
        List<ObligationExpectation> obligations,
        List<String> noObligations,
        List<DeadlineExpectation> deadlines,
        List<String> checklist,
        List<String> flags,
        List<String> guardrails,
        List<String> fired,
        List<String> notFired) {

    /** Only the given fields are compared. */
    public record RouteExpectation(String step, String role, String team, Boolean escalated) {}

    /** {@code conditions} must match exactly (in any order); {@code because} must all be among the reasons. */
    public record VerdictExpectation(Boolean allowed, List<String> conditions, List<String> because) {}

    /**
     * Only the given fields are compared; each warning and level named (by its percent) must be
     * there, and only its given fields are compared.
     */
    public record DeadlineExpectation(
            String kind,
            Instant due,
            Boolean passed,
            String escalateTo,
            String calendar,
            DeadlineClock clock,
            Long elapsedMinutes,
            Long remainingMinutes,
            List<WarningExpectation> warnings,
            List<LevelExpectation> levels) {}

    /**
     * Written as the kind alone ({@code CONTACT_CUSTOMER}) or with the fields to compare
     * ({@code { kind: CONTACT_CUSTOMER, owner: MANAGER, due: … }}); an obligation of the kind
     * (and owner, if given) must be there.
     */
    public record ObligationExpectation(String kind, String owner, Instant due) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public ObligationExpectation {}

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static ObligationExpectation ofKind(String kind) {
            return new ObligationExpectation(kind, null, null);
        }
    }

    /** Only the given fields are compared. */
    public record WarningExpectation(int percent, Instant at, Boolean reached) {}

    /** Only the given fields are compared. */
    public record LevelExpectation(int percent, String escalateTo, Instant at, Boolean reached) {}
}
