package dev.leeway.rules;

import dev.leeway.decision.RuleSetUnavailableException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The rule set that serves decisions now, and the last candidate refused since. Swapping is one
 * atomic reference write: an evaluation that already took the current set finishes on it, and no
 * evaluation ever waits for a reload.
 */
@Component
public class ActiveRuleSet {

    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private final AtomicReference<Rejection> lastRejection = new AtomicReference<>();

    /** The serving rule set, or a 503-worthy exception when none could ever be loaded. */
    public RuleSet require() {
        RuleSet ruleSet = current.get();
        if (ruleSet == null) {
            Rejection rejection = lastRejection.get();
            throw new RuleSetUnavailableException("No valid rule set is loaded: " + (rejection == null
                    ? "none was loaded yet"
                    : rejection.problems().stream().limit(5).map(RuleProblem::toString)
                            .collect(Collectors.joining("; "))));
        }
        return ruleSet;
    }

    public Optional<RuleSet> current() {
        return Optional.ofNullable(current.get());
    }

    /** The last refused candidate, while no candidate has been accepted since. */
    public Optional<Rejection> lastRejection() {
        return Optional.ofNullable(lastRejection.get());
    }

    /** Makes the set serve from now on (activating the serving set again just clears a refusal). */
    void activate(RuleSet ruleSet) {
        lastRejection.set(null);
        current.set(ruleSet);
    }

    void reject(Rejection rejection) {
        lastRejection.set(rejection);
    }
}
