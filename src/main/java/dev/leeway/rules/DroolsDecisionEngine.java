package dev.leeway.rules;

import dev.leeway.decision.DecisionEngine;
import dev.leeway.decision.DecisionRequest;
import dev.leeway.decision.Evaluation;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The engine behind the decision API: evaluates each request on the rule set active at that moment. */
@Component
public class DroolsDecisionEngine implements DecisionEngine {

    private final ActiveRuleSet active;
    private final RuleSetEvaluator evaluator;

    public DroolsDecisionEngine(ActiveRuleSet active, RuleSetEvaluator evaluator) {
        this.active = active;
        this.evaluator = evaluator;
    }

    @Override
    public Evaluation evaluate(DecisionRequest request, Instant at) {
        return evaluator.evaluate(active.require(), request, at);
    }
}
