package dev.leeway.rules;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Keeps the activation history for the life of the process. The durable history, shared by all
 * instances, belongs with the audit store.
 */
@Component
public class InMemoryRuleSetHistory implements RuleSetHistory {

    private final List<RuleSetActivation> activations = new ArrayList<>();

    @Override
    public synchronized void record(RuleSetActivation activation) {
        activations.add(0, activation);
    }

    @Override
    public synchronized List<RuleSetActivation> activations() {
        return List.copyOf(activations);
    }
}
