package dev.leeway.audit;

import dev.leeway.problem.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * A record could not be made durable in time, so the answer it belongs to must not be sent. The
 * problem says so without the database's insides; the cause is logged.
 */
public class AuditUnavailableException extends ProblemException {

    static final URI TYPE = URI.create("urn:leeway:problem:audit-unavailable");
    private static final String TITLE = "Audit log unavailable";

    private final String reason;

    public AuditUnavailableException(String reason, Throwable cause) {
        this(reason, "The decision was not answered because it could not be recorded in the audit log; try again.",
                cause);
    }

    protected AuditUnavailableException(String reason, String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, TYPE, TITLE, detail, cause);
        this.reason = reason;
    }

    /** Why, for the log; what the client is told stays general. */
    @Override
    public String getMessage() {
        return reason;
    }
}
