package dev.leeway.rules;

import java.util.List;

/**
 * The answer to {@code POST /api/v1/rules/validate}.
 *
 * @param version the version the candidate would have
 * @param errors every problem at file:line:column; empty when valid
 * @param warnings what does not keep the candidate from serving but should be known first, at
 *     file:line:column: each value it no longer declares that recorded decisions' rule sets did
 */
public record ValidationReport(boolean valid, String version, List<RuleProblem> errors, List<RuleWarning> warnings,
        Scenarios scenarios) {

    /** How the candidate's scenarios fared. */
    public record Scenarios(int run, int failed) {}

    static ValidationReport of(Validation validation) {
        return new ValidationReport(validation.valid(), validation.version(), validation.problems(),
                validation.warnings(), new Scenarios(validation.scenariosRun(), validation.scenariosFailed()));
    }
}
