package dev.leeway.rules;

/**
 * Told about a rule set just before it starts serving. A listener that throws keeps the set out:
 * the previous one goes on serving (the audit log uses this to keep every version's contents
 * before any decision is made with it).
 */
public interface RuleSetActivationListener {

    /** @param activation what is about to happen: version, cause, instance and file changes */
    void activating(RuleSet ruleSet, RuleSetActivation activation);
}
