package dev.leeway.whatif;

import dev.leeway.rules.RuleProblem;
import dev.leeway.rules.RuleSet;
import java.util.List;

/**
 * A candidate rule set that compiled, ready to replay on.
 *
 * @param problems scenarios the candidate fails; it can still be simulated
 */
record CompiledCandidate(String version, RuleSet ruleSet, List<RuleProblem> problems) {}
