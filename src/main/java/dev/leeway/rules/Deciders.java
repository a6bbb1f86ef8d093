package dev.leeway.rules;

import dev.leeway.decision.Decider;
import dev.leeway.decision.DecisionIds;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The one way to get a {@link Decider} for a given rule set, active or not: scenario runs,
 * simulations, replays and the offline CLI decide exactly as the service does.
 */
@Component
public class Deciders {

    private final RuleSetEvaluator evaluator;
    private final DecisionIds ids;
    private final Clock clock;

    public Deciders(RuleSetEvaluator evaluator, DecisionIds ids, Clock clock) {
        this.evaluator = evaluator;
        this.ids = ids;
        this.clock = clock;
    }

    public Decider on(RuleSet ruleSet) {
        return new Decider(evaluator.engineFor(ruleSet), ids, clock);
    }
}
