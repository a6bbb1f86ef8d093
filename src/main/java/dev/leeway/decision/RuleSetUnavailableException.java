package dev.leeway.decision;

/** No working rule set is loaded, so no decision can be made. */
public class RuleSetUnavailableException extends RuntimeException {

    public RuleSetUnavailableException(String message) {
        super(message);
    }
}
