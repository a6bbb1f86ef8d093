package dev.leeway.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Extends the chain inside the caller's transaction: locks the head row, hashes each entry onto
 * the one before, inserts them and moves the head. Writers on several instances sharing one
 * database wait for each other at the head's row lock, so they extend one gap-free chain.
 */
final class ChainAppender {

    private static final String INSERT = "INSERT INTO audit_record (" + JdbcAuditStore.COLUMNS
            + ", rule_ids, escape_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    /** Versions whose files the database holds: rule sets are activated far more rarely than they decide. */
    private final Set<String> keptRuleSets = ConcurrentHashMap.newKeySet();

    ChainAppender(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One record, hashed, with the ids it is found by. */
    private record Chained(StoredRecord record, AuditEntry entry) {}

    /** Where the chain ends: the last record's position and hash. */
    private record Head(long position, String hash) {}

    /** Appends every entry, in order, after the head; must run in a transaction, which holds the head until it ends. */
    List<StoredRecord> append(List<AuditEntry> entries) {
        Head head = jdbc.queryForObject("SELECT chain_position, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE",
                (row, rowNumber) -> new Head(row.getLong("chain_position"), row.getString("hash")));
        List<Chained> chained = new ArrayList<>(entries.size());
        long position = head.position();
        String hash = head.hash();
        for (AuditEntry entry : entries) {
            if (entry.ruleSet() != null) {
                keep(entry.ruleSet(), entry.recordedAt());
            }
            StoredRecord record = chained(entry, ++position, hash);
            chained.add(new Chained(record, entry));
            hash = record.hash();
        }
        insert(chained);
        jdbc.update("UPDATE audit_chain_head SET chain_position = ?, hash = ? WHERE id = 1", position, hash);
        return chained.stream().map(Chained::record).toList();
    }

    /** The entry as the record at {@code position}, hashed over the one before. */
    private static StoredRecord chained(AuditEntry entry, long position, String previousHash) {
        StoredRecord unhashed = new StoredRecord(position, entry.recordId(), entry.kind(),
                entry.recordedAt().truncatedTo(ChronoUnit.MILLIS), entry.caseId(), entry.actorId(),
                entry.ruleSetVersion(), entry.subjectId(), entry.payload(), previousHash, null);
        return unhashed.withHash(ChainHash.of(previousHash, position, unhashed));
    }

    private void insert(List<Chained> chained) {
        jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                StoredRecord record = chained.get(i).record();
                AuditEntry entry = chained.get(i).entry();
                statement.setLong(1, record.position());
                statement.setString(2, record.recordId());
                statement.setString(3, record.kind().name());
                statement.setObject(4, utc(record.recordedAt()));
                statement.setString(5, record.caseId());
                statement.setString(6, record.actorId());
                statement.setString(7, record.ruleSetVersion());
                statement.setString(8, record.subjectId());
                statement.setString(9, record.payload());
                statement.setString(10, record.prevHash());
                statement.setString(11, record.hash());
                statement.setArray(12, statement.getConnection().createArrayOf("VARCHAR", entry.ruleIds().toArray()));
                statement.setArray(13, statement.getConnection().createArrayOf("VARCHAR", entry.escapeIds().toArray()));
            }

            @Override
            public int getBatchSize() {
                return chained.size();
            }
        });
    }

    /** Keeps a version's files once; runs while the head is locked, so instances never race to insert it. */
    private void keep(AuditEntry.RuleSetContents ruleSet, Instant at) {
        if (keptRuleSets.contains(ruleSet.version())) {
            return;
        }
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM rule_set_version WHERE version = ?", Integer.class,
                ruleSet.version());
        if (known == null || known == 0) {
            jdbc.update("INSERT INTO rule_set_version (version, files, first_recorded_at) VALUES (?, ?, ?)",
                    ruleSet.version(), ruleSet.filesJson(), utc(at));
        }
        // Remembered once committed: a batch that rolls back takes the row with it.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                keptRuleSets.add(ruleSet.version());
            }
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
