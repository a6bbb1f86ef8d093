package dev.leeway.audit;

/** A record could not be made durable in time, so the answer it belongs to must not be sent. */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
