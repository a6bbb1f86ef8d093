package dev.leeway.decision;

import dev.leeway.problem.ProblemException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The rules kept firing past the configured limit (typically a rule that re-triggers itself), so
 * the evaluation was stopped rather than left to hang. The problem names the rules that fired
 * most, to point the process owner at the loop.
 */
public class RunawayRuleSetException extends ProblemException {

    static final URI TYPE = URI.create("urn:leeway:problem:runaway-rule-set");

    private final List<String> busiestRules;

    public RunawayRuleSetException(String ruleSetVersion, int firingLimit, List<String> busiestRules) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, TYPE, "Rule set did not come to rest", "Rule set " + ruleSetVersion
                + " did not come to rest within " + firingLimit + " rule firings; most fired: "
                + String.join(", ", busiestRules));
        this.busiestRules = List.copyOf(busiestRules);
        describe("ruleSet", ruleSetVersion);
        describe("firingLimit", firingLimit);
        describe("busiestRules", this.busiestRules);
    }

    public List<String> busiestRules() {
        return busiestRules;
    }
}
