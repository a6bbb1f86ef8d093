package dev.leeway.decision;

import dev.leeway.problem.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/** No working rule set is loaded, so no decision can be made. */
public class RuleSetUnavailableException extends ProblemException {

    static final URI TYPE = URI.create("urn:leeway:problem:rule-set-unavailable");

    public RuleSetUnavailableException(String message) {
        super(HttpStatus.SERVICE_UNAVAILABLE, TYPE, "No rule set is serving", message);
    }
}
