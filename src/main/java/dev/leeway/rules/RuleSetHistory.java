package dev.leeway.rules;

import java.util.List;

/** Every rule set that was ever active, so auditors can tell which rules were in force when. */
public interface RuleSetHistory {

    void record(RuleSetActivation activation);

    /** Newest first. */
    List<RuleSetActivation> activations();
}
