package dev.leeway.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure a feature answers with as an RFC 9457 problem: the feature names its type, title and
 * status, so the HTTP layer renders every feature's failures without knowing any of them.
 */
public abstract class ProblemException extends ErrorResponseException {

    protected ProblemException(HttpStatus status, URI type, String title, String detail, Throwable cause) {
        super(status, problem(status, type, title, detail), cause);
    }

    protected ProblemException(HttpStatus status, URI type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    /** A problem of the given type: status, a title per type, and what happened. */
    public static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** What happened, as the problem's detail says it (Spring's own message prefixes the status). */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    /** Adds a member to the problem beside RFC 9457's, e.g. the errors list. */
    protected final void describe(String name, Object value) {
        getBody().setProperty(name, value);
    }
}
