package dev.leeway.decision;

import java.util.List;

/** What the rule engine returns for one request: its conclusions and the rules that fired, in order. */
public record Evaluation(RuleSetRef ruleSet, Conclusions conclusions, List<FiredRule> firedRules) {

    public Evaluation {
        firedRules = List.copyOf(firedRules);
    }
}
