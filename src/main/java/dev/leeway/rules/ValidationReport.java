package dev.leeway.rules;

import java.util.List;

/**
 * The answer to {@code POST /api/v1/rules/validate}.
 *
 * @param version the version the candidate would have
 * @param errors every problem at file:line:column; empty when valid
 */
public record ValidationReport(boolean valid, String version, List<RuleProblem> errors, Scenarios scenarios) {

    /** How the candidate's scenarios fared. */
    public record Scenarios(int run, int failed) {}

    static ValidationReport of(Validation validation) {
        return new ValidationReport(validation.valid(), validation.version(), validation.problems(),
                new Scenarios(validation.scenariosRun(), validation.scenariosFailed()));
    }
}
