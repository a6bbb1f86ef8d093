package dev.leeway.audit;

/**
 * The H2 database did not catch up in time with the records its journal holds, so a read could not
 * see every decision answered before it, or a new record found the journal full.
 */
public class AuditLogBehindException extends AuditUnavailableException {

    public AuditLogBehindException(String reason, Throwable cause) {
        super(reason, "The audit database is behind the decisions already answered, so this request was not carried "
                + "out; try again.", cause);
    }
}
