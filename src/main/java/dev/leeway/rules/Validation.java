package dev.leeway.rules;

import java.util.List;

/**
 * What checking a candidate found.
 *
 * @param ruleSet the compiled set, or null when the rules did not compile
 * @param problems compile, metadata, scenario-file and failing-scenario problems, each at file:line:column
 * @param scenariosRun scenarios that were run (none when the rules did not compile)
 * @param scenariosFailed scenarios among them whose expectations were not met
 * @param warnings what the process owner should know although the candidate may serve: values it no
 *     longer declares that rule sets which made recorded decisions did
 */
public record Validation(String version, RuleSet ruleSet, List<RuleProblem> problems, int scenariosRun,
        int scenariosFailed, List<RuleWarning> warnings) {

    public Validation {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** Whether the candidate may serve: it compiles and every scenario holds. */
    public boolean valid() {
        return ruleSet != null && problems.isEmpty();
    }
}
