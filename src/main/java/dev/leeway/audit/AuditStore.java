package dev.leeway.audit;

import java.util.List;
import java.util.Optional;

/** Where audit records live: append-only, hash-chained, readable by auditors. */
public interface AuditStore {

    /** Appends the entries, in order, as one durable unit; returns them as stored. */
    List<StoredRecord> append(List<AuditEntry> entries);

    Optional<StoredRecord> find(String recordId);

    /** The files of a rule-set version as JSON, if any decision was made with it. */
    Optional<String> ruleSetFiles(String version);

    /** Walks the whole chain and says where it first breaks. */
    ChainVerification verify();
}
