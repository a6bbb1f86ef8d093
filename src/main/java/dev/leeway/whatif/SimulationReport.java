package dev.leeway.whatif;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leeway.rules.RuleProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a candidate rule set would change, case by case, against the active one.
 *
 * @param candidateProblems scenarios the candidate fails (it could not be activated as it is)
 */
public record SimulationReport(
        String activeVersion,
        String candidateVersion,
        List<RuleProblem> candidateProblems,
        Totals totals,
        List<CaseOutcome> cases) {

    /**
     * @param byAspect how many cases change in each aspect (route, escapes, verdict, obligations)
     * @param failed cases that one of the two rule sets could not decide
     */
    public record Totals(int cases, int changed, int unchanged, int failed, Map<String, Integer> byAspect) {}

    /** One replayed input: whether and how its decision would change. */
    public record CaseOutcome(
            String caseId,
            Instant at,
            boolean changed,
            List<Change> changes,
            @JsonInclude(JsonInclude.Include.NON_NULL) String error) {}
}
