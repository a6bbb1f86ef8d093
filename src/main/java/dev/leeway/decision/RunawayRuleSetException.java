package dev.leeway.decision;

import java.util.List;

/**
 * The rules kept firing past the configured limit (typically a rule that re-triggers itself), so
 * the evaluation was stopped rather than left to hang.
 *
 * @see #busiestRules() the rules that fired most, to point the process owner at the loop
 */
public class RunawayRuleSetException extends RuntimeException {

    private final String ruleSetVersion;
    private final int firingLimit;
    private final List<String> busiestRules;

    public RunawayRuleSetException(String ruleSetVersion, int firingLimit, List<String> busiestRules) {
        super("Rule set " + ruleSetVersion + " did not come to rest within " + firingLimit
                + " rule firings; most fired: " + String.join(", ", busiestRules));
        this.ruleSetVersion = ruleSetVersion;
        this.firingLimit = firingLimit;
        this.busiestRules = List.copyOf(busiestRules);
    }

    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    public int firingLimit() {
        return firingLimit;
    }

    public List<String> busiestRules() {
        return busiestRules;
    }
}
