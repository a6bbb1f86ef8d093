package dev.leeway.scenario;

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
        List<String> obligations,
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

    /** Only the given fields are compared. */
    public record DeadlineExpectation(String kind, Instant due, Boolean passed, String escalateTo) {}
}
