package dev.leeway.audit;

/**
 * The H2 database did not catch up in time with the records its journal holds, so a read could not
 * see every decision answered before it, or a new record found the journal full.
 */
public class AuditLogBehindException extends AuditUnavailableException {

    public AuditLogBehindException(String message, Throwable cause) {
        super(message, cause);
    }
}
