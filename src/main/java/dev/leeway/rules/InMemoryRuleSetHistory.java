package dev.leeway.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the activation history for the life of the process: the history when the audit log is
 * off. With the audit log on, the history is read from it, and survives restarts.
 */
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
