package dev.leeway.decision;

import java.time.Instant;


/**
 * Runs the active rule set over one request. Implementations are thread-safe and hold no state
 * between calls, so evaluation scales with threads and instances.
 */
public interface DecisionEngine {

    /**
     * @param at the evaluation instant, already resolved (never null)
     * @throws RuleSetUnavailableException when no rule set is loaded
     * @throws RunawayRuleSetException when the rules do not come to rest within the firing limit
     */
    Evaluation evaluate(DecisionRequest request, Instant at);
}
