package dev.leeway.whatif;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leeway.rules.RuleProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a candidate rule set would change, case by case, against the active one (for inputs given)
 * or against the rule sets that decided them (for recorded decisions).
 *
 * @param activeVersion the rule set the inputs were replayed on; absent for recorded decisions,
 *        which are each replayed on the version that decided them
 * @param candidateProblems scenarios the candidate fails (it could not be activated as it is)
 * @param cases every input given; for recorded decisions only samples: the first {@code sampleLimit}
 *        that changed or failed
 * @param sampleLimit present when {@code cases} holds samples rather than every case
 */
public record SimulationReport(
        @JsonInclude(JsonInclude.Include.NON_NULL) String activeVersion,
        String candidateVersion,
        List<RuleProblem> candidateProblems,
        Totals totals,
        List<CaseOutcome> cases,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer sampleLimit) {

    /**
     * @param byAspect how many cases change in each aspect (route, deadlines, escapes, verdict, obligations)
     * @param failed cases that one of the two rule sets could not decide
     */
    public record Totals(long cases, long changed, long unchanged, long failed, Map<String, Long> byAspect) {}

    /**
     * One replayed input: whether and how its decision would change.
     *
     * @param decisionId the recorded decision replayed; absent for inputs given in the request
     * @param ruleSetVersion the version that made the recorded decision; absent for inputs given
     * @param error why the input could not be decided, by the one rule set or the other
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseOutcome(
            String decisionId,
            String caseId,
            Instant at,
            String ruleSetVersion,
            boolean changed,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<Change> changes,
            String error) {

        boolean failed() {
            return error != null;
        }
    }
}
