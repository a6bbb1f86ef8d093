package dev.leeway.vocabulary;

import dev.leeway.problem.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/** A rule concluded something the charter does not allow, e.g. an escape nobody reviews. */
public class RuleConclusionException extends ProblemException {

    static final URI TYPE = URI.create("urn:leeway:problem:invalid-rule-conclusion");

    private final String rule;

    public RuleConclusionException(String rule, String message) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, TYPE, "A rule concluded something the charter does not allow",
                "Rule \"" + rule + "\": " + message);
        this.rule = rule;
        describe("rule", rule);
    }

    public String rule() {
        return rule;
    }
}
