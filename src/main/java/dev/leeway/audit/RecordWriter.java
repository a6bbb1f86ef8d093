package dev.leeway.audit;

/** Appends one record to the audit log and returns once it is durable, so the answer can leave. */
@FunctionalInterface
public interface RecordWriter {

    /**
     * @throws AuditUnavailableException if the record could not be made durable in time
     */
    StoredRecord write(AuditEntry entry);
}
