package dev.leeway.rules;

import dev.leeway.decision.RuleSetUnavailableException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The rule set that serves decisions now, and the problems of the last attempt to replace it.
 * Swapping is atomic: an evaluation that already took the current set finishes on it.
 */
@Component
public class ActiveRuleSet {

    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private final AtomicReference<List<RuleProblem>> lastProblems = new AtomicReference<>(List.of());

    /** The serving rule set, or a 503-worthy exception when none could ever be loaded. */
    public RuleSet require() {
        RuleSet ruleSet = current.get();
        if (ruleSet == null) {
            throw new RuleSetUnavailableException("No valid rule set is loaded: "
                    + lastProblems.get().stream().map(RuleProblem::toString).findFirst().orElse("none was loaded yet"));
        }
        return ruleSet;
    }

    public Optional<RuleSet> current() {
        return Optional.ofNullable(current.get());
    }

    public List<RuleProblem> lastProblems() {
        return lastProblems.get();
    }

    void activate(RuleSet ruleSet) {
        current.set(ruleSet);
        lastProblems.set(List.of());
    }

    void rejected(List<RuleProblem> problems) {
        lastProblems.set(List.copyOf(problems));
    }
}
