package dev.leeway.decision;

import java.util.List;

/**
 * What the rule engine returns for one request: its conclusions and the rules that fired, in order.
 *
 * @param caseEnded the case's status is one the rule set's vocabulary calls closed or solution-confirmed
 */
public record Evaluation(RuleSetRef ruleSet, Conclusions conclusions, List<FiredRule> firedRules, boolean caseEnded) {

    public Evaluation {
        firedRules = List.copyOf(firedRules);
    }
}
