package dev.leeway.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Where audit records live: append-only, hash-chained, readable by auditors. */
public interface AuditStore {

    /** Appends the entries, in order, as one durable unit; returns them as stored. */
    default List<StoredRecord> append(List<AuditEntry> entries) {
        return append(new Append(entries));
    }

    /**
     * Appends the entries, in order, and runs the append's table write in the same transaction,
     * as one durable unit; returns the entries as stored.
     *
     * @throws AuditUnavailableException if they could not be made durable in time
     */
    List<StoredRecord> append(Append append);

    Optional<StoredRecord> find(String recordId);

    /** The records among these ids that exist, by id: one query for a page of them. */
    Map<String, StoredRecord> findAll(Collection<String> recordIds);

    /** The files of a rule-set version as JSON, if any decision was made with it. */
    Optional<String> ruleSetFiles(String version);

    /** Every rule-set version whose files the log keeps. */
    List<String> ruleSetVersions();

    /**
     * For each rule-set version that decided anything: how many {@code DECISION} records it made
     * and when the last was recorded. One grouped query; no payload is read.
     */
    Map<String, DecidedBy> decisionsByRuleSetVersion();

    /** What {@link #decisionsByRuleSetVersion()} says of one version. */
    record DecidedBy(long decisions, Instant lastRecordedAt) {}

    /** {@code RULE_SET_ACTIVATED} records, newest first, older than {@code beforePosition} (0: from the newest). */
    List<StoredRecord> ruleSetActivations(long beforePosition, int limit);

    /** One {@code RULE_SET_ACTIVATED} record of the version, if it was ever activated. */
    Optional<StoredRecord> ruleSetActivation(String version);

    /** Walks the whole chain and says where it first breaks. */
    default ChainVerification verify() {
        return verify(List.of(), WalkProgress.IGNORED);
    }

    /**
     * Walks the whole chain, telling {@code progress} how far it has come, and says where it first
     * breaks: also where a record has another hash than an anchor saw, or the chain ends before one.
     */
    ChainVerification verify(Collection<ChainAnchor> anchors, WalkProgress progress);

    /** Decisions matching the filter, newest first, older than {@code beforePosition} (0: from the newest). */
    List<StoredRecord> decisions(DecisionFilter filter, long beforePosition, int limit);

    /**
     * Hands every record the selection holds to the consumer in chain order, reading them from the
     * database a batch at a time, so memory stays flat however many there are.
     */
    void stream(ExportSelection selection, Consumer<StoredRecord> consumer);
}
