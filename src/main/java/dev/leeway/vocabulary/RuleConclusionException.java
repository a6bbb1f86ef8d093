package dev.leeway.vocabulary;

/** A rule concluded something the charter does not allow, e.g. an escape nobody reviews. */
public class RuleConclusionException extends RuntimeException {

    private final String rule;

    public RuleConclusionException(String rule, String message) {
        super("Rule \"" + rule + "\": " + message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
