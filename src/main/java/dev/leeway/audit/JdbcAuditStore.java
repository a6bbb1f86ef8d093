package dev.leeway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log in a relational database through plain JDBC: the same statements serve the H2
 * file database and PostgreSQL, except where {@link AuditDialect} says otherwise. Appends go
 * through the {@link GroupCommitWriter}; reads see every append that has returned.
 */
public class JdbcAuditStore implements AuditStore {

    static final String COLUMNS = "chain_position, record_id, kind, recorded_at, case_id, actor_id, "
            + "rule_set_version, subject_id, payload, prev_hash, hash";
    private static final RowMapper<StoredRecord> RECORD = JdbcAuditStore::toRecord;
    /** A second or less of walking. */
    private static final long PROGRESS_EVERY = 10_000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate transactions;
    private final AuditDialect dialect;
    private final GroupCommitWriter writer;
    private final RecordSearch search;

    public JdbcAuditStore(DataSource dataSource, PlatformTransactionManager transactionManager, GroupCommitWriter writer) {
        this.jdbc = new JdbcTemplate(dataSource);
        // PostgreSQL streams a result only inside a transaction and with a fetch size; H2 ignores both.
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.transactions = new TransactionTemplate(transactionManager);
        this.dialect = AuditDialect.of(dataSource);
        this.writer = writer;
        this.search = new RecordSearch(jdbc, streaming, transactions, dialect);
        LegacyJournal.retireBesideDatabaseFile(jdbc, dialect);
    }

    @Override
    public List<StoredRecord> append(Append append) {
        return writer.write(append);
    }

    @Override
    public Optional<StoredRecord> find(String recordId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_record WHERE record_id = ?", RECORD, recordId)
                .stream().findFirst();
    }

    @Override
    public Map<String, StoredRecord> findAll(Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return Map.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(recordIds.size(), "?"));
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_record WHERE record_id IN (" + placeholders + ")", RECORD,
                recordIds.toArray()).stream().collect(Collectors.toMap(StoredRecord::recordId, record -> record));
    }

    @Override
    public Optional<String> ruleSetFiles(String version) {
        return jdbc.queryForList("SELECT files FROM rule_set_version WHERE version = ?", String.class, version)
                .stream().findFirst();
    }

    @Override
    public List<String> ruleSetVersions() {
        return jdbc.queryForList("SELECT version FROM rule_set_version", String.class);
    }

    @Override
    public Map<String, DecidedBy> decisionsByRuleSetVersion() {
        Map<String, DecidedBy> decided = new HashMap<>();
        jdbc.query("SELECT rule_set_version, COUNT(*) AS decisions, MAX(recorded_at) AS last_recorded_at "
                + "FROM audit_record WHERE kind = 'DECISION' GROUP BY rule_set_version", (ResultSet row) -> {
                    String version = row.getString("rule_set_version");
                    if (version != null) {
                        decided.put(version, new DecidedBy(row.getLong("decisions"),
                                row.getObject("last_recorded_at", OffsetDateTime.class).toInstant()));
                    }
                });
        return decided;
    }

    @Override
    public ChainVerification verify(Collection<ChainAnchor> anchors, WalkProgress progress) {
        return transactions.execute(status -> {
            // The head before the walk: records appended meanwhile then extend the walk past the
            // head instead of making it look as if records at the end had been removed.
            ChainVerification.Head head = jdbc.queryForObject(
                    "SELECT chain_position, hash FROM audit_chain_head WHERE id = 1",
                    (row, rowNumber) -> new ChainVerification.Head(row.getLong("chain_position"), row.getString("hash")));
            ChainWalk walk = new ChainWalk(head.position(), anchors);
            progress.walked(0, head.position());
            dialect.readMany(jdbc, () -> streaming.query("SELECT " + COLUMNS + " FROM audit_record ORDER BY chain_position",
                    (ResultSet row) -> {
                        long checked = walk.check(toRecord(row, 0));
                        if (checked % PROGRESS_EVERY == 0) {
                            progress.walked(checked, head.position());
                        }
                    }));
            ChainVerification result = walk.result(head.hash());
            progress.walked(result.recordsChecked(), head.position());
            return result;
        });
    }

    @Override
    public List<StoredRecord> decisions(DecisionFilter filter, long beforePosition, int limit) {
        return search.decisions(filter, beforePosition, limit);
    }

    /**
     * Activation records are the only ones without a case, so the index by case finds them without
     * walking the decisions.
     */
    @Override
    public List<StoredRecord> ruleSetActivations(long beforePosition, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_record WHERE case_id IS NULL AND kind = 'RULE_SET_ACTIVATED' "
                + "AND chain_position < ? ORDER BY chain_position DESC FETCH FIRST ? ROWS ONLY", RECORD,
                beforePosition > 0 ? beforePosition : Long.MAX_VALUE, limit);
    }

    @Override
    public Optional<StoredRecord> ruleSetActivation(String version) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_record WHERE case_id IS NULL AND kind = 'RULE_SET_ACTIVATED' "
                + "AND rule_set_version = ? FETCH FIRST 1 ROWS ONLY", RECORD, version).stream().findFirst();
    }

    @Override
    public void stream(ExportSelection selection, Consumer<StoredRecord> consumer) {
        search.stream(selection, consumer);
    }

    static StoredRecord toRecord(ResultSet row, int rowNumber) throws SQLException {
        return new StoredRecord(row.getLong("chain_position"), row.getString("record_id"),
                RecordKind.valueOf(row.getString("kind")),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(), row.getString("case_id"),
                row.getString("actor_id"), row.getString("rule_set_version"), row.getString("subject_id"),
                row.getString("payload"), row.getString("prev_hash"), row.getString("hash"));
    }
}
