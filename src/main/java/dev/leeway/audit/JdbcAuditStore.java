package dev.leeway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log in a relational database through plain JDBC: the same statements serve the
 * embedded H2 file database and PostgreSQL. Appends lock the chain head, so writers on several
 * instances sharing one database extend a single, gap-free chain.
 */
public class JdbcAuditStore implements AuditStore {

    private static final String COLUMNS = "chain_position, record_id, kind, recorded_at, case_id, actor_id, "
            + "rule_set_version, subject_id, payload, prev_hash, hash";
    private static final RowMapper<StoredRecord> RECORD = JdbcAuditStore::toRecord;

    /** A record as it is inserted: what was asked for (with its rule and escape ids) and what it became. */
    private record Row(AuditEntry entry, StoredRecord record) {}

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate transactions;
    private final AuditDatabase database;
    private final Set<String> keptRuleSets = ConcurrentHashMap.newKeySet();

    public JdbcAuditStore(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = new JdbcTemplate(dataSource);
        // PostgreSQL streams a result only inside a transaction and with a fetch size; H2 ignores both.
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.transactions = new TransactionTemplate(transactionManager);
        this.database = AuditDatabase.of(dataSource);
    }

    @Override
    public List<StoredRecord> append(List<AuditEntry> entries) {
        return transactions.execute(status -> {
            var head = jdbc.queryForMap("SELECT chain_position, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
            long position = ((Number) head.get("chain_position")).longValue();
            String hash = (String) head.get("hash");
            List<StoredRecord> stored = new ArrayList<>(entries.size());
            List<Row> rows = new ArrayList<>(entries.size());
            for (AuditEntry entry : entries) {
                if (entry.ruleSet() != null) {
                    keep(entry.ruleSet(), entry.recordedAt());
                }
                position++;
                StoredRecord unhashed = new StoredRecord(position, entry.recordId(), entry.kind(),
                        entry.recordedAt().truncatedTo(ChronoUnit.MILLIS), entry.caseId(), entry.actorId(),
                        entry.ruleSetVersion(), entry.subjectId(), entry.payload(), hash, null);
                String next = ChainHash.of(hash, position, unhashed);
                StoredRecord record = withHash(unhashed, next);
                stored.add(record);
                rows.add(new Row(entry, record));
                hash = next;
            }
            jdbc.batchUpdate("INSERT INTO audit_record (" + COLUMNS + ", rule_ids, escape_ids) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, rows.size(), (statement, row) -> {
                        StoredRecord record = row.record();
                        statement.setLong(1, record.position());
                        statement.setString(2, record.recordId());
                        statement.setString(3, record.kind());
                        statement.setObject(4, OffsetDateTime.ofInstant(record.recordedAt(), ZoneOffset.UTC));
                        statement.setString(5, record.caseId());
                        statement.setString(6, record.actorId());
                        statement.setString(7, record.ruleSetVersion());
                        statement.setString(8, record.subjectId());
                        statement.setString(9, record.payload());
                        statement.setString(10, record.prevHash());
                        statement.setString(11, record.hash());
                        statement.setArray(12, statement.getConnection().createArrayOf("VARCHAR",
                                row.entry().ruleIds().toArray()));
                        statement.setArray(13, statement.getConnection().createArrayOf("VARCHAR",
                                row.entry().escapeIds().toArray()));
                    });
            jdbc.update("UPDATE audit_chain_head SET chain_position = ?, hash = ? WHERE id = 1", position, hash);
            return stored;
        });
    }

    /** Keeps a version's files once; runs under the chain-head lock, so instances never race to insert it. */
    private void keep(AuditEntry.RuleSetContents ruleSet, Instant at) {
        if (keptRuleSets.contains(ruleSet.version())) {
            return;
        }
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM rule_set_version WHERE version = ?", Integer.class,
                ruleSet.version());
        if (known == null || known == 0) {
            jdbc.update("INSERT INTO rule_set_version (version, files, first_recorded_at) VALUES (?, ?, ?)",
                    ruleSet.version(), ruleSet.filesJson(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        }
        keptRuleSets.add(ruleSet.version());
    }

    @Override
    public Optional<StoredRecord> find(String recordId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_record WHERE record_id = ?", RECORD, recordId)
                .stream().findFirst();
    }

    @Override
    public Optional<String> ruleSetFiles(String version) {
        return jdbc.queryForList("SELECT files FROM rule_set_version WHERE version = ?", String.class, version)
                .stream().findFirst();
    }

    @Override
    public ChainVerification verify() {
        return transactions.execute(status -> {
            ChainWalk walk = new ChainWalk();
            streaming.query("SELECT " + COLUMNS + " FROM audit_record ORDER BY chain_position",
                    (ResultSet row) -> walk.check(toRecord(row, 0)));
            var head = jdbc.queryForMap("SELECT chain_position, hash FROM audit_chain_head WHERE id = 1");
            return walk.result(((Number) head.get("chain_position")).longValue(), (String) head.get("hash"));
        });
    }

    @Override
    public List<StoredRecord> decisions(DecisionFilter filter, long beforePosition, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_record r WHERE kind = 'DECISION'");
        List<Object> arguments = new ArrayList<>();
        if (beforePosition > 0) {
            sql.append(" AND chain_position < ?");
            arguments.add(beforePosition);
        }
        if (filter.caseId() != null) {
            sql.append(" AND case_id = ?");
            arguments.add(filter.caseId());
        }
        if (filter.actor() != null) {
            sql.append(" AND actor_id = ?");
            arguments.add(filter.actor());
        }
        if (filter.from() != null) {
            sql.append(" AND recorded_at >= ?");
            arguments.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" AND recorded_at < ?");
            arguments.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        if (filter.rule() != null) {
            sql.append(" AND ").append(database.arrayContains("rule_ids"));
            arguments.add(filter.rule());
        }
        if (filter.escape() != null) {
            sql.append(" AND ").append(database.arrayContains("escape_ids"));
            arguments.add(filter.escape());
        }
        sql.append(" ORDER BY chain_position DESC FETCH FIRST ? ROWS ONLY");
        arguments.add(limit);
        return jdbc.query(sql.toString(), RECORD, arguments.toArray());
    }

    @Override
    public void stream(Instant from, Instant to, Consumer<StoredRecord> consumer) {
        transactions.executeWithoutResult(status -> streaming.query(
                "SELECT " + COLUMNS + " FROM audit_record WHERE recorded_at >= ? AND recorded_at < ? ORDER BY chain_position",
                (ResultSet row) -> consumer.accept(toRecord(row, 0)),
                OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC)));
    }

    private static StoredRecord withHash(StoredRecord record, String hash) {
        return new StoredRecord(record.position(), record.recordId(), record.kind(), record.recordedAt(),
                record.caseId(), record.actorId(), record.ruleSetVersion(), record.subjectId(), record.payload(),
                record.prevHash(), hash);
    }

    static StoredRecord toRecord(ResultSet row, int rowNumber) throws SQLException {
        return new StoredRecord(row.getLong("chain_position"), row.getString("record_id"), row.getString("kind"),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(), row.getString("case_id"),
                row.getString("actor_id"), row.getString("rule_set_version"), row.getString("subject_id"),
                row.getString("payload"), row.getString("prev_hash"), row.getString("hash"));
    }
}
