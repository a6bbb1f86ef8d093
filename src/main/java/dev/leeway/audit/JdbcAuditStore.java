package dev.leeway.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log in a relational database through plain JDBC: the same statements serve the
 * embedded H2 file database and PostgreSQL, except where {@link AuditDatabase} says otherwise and
 * for PostgreSQL's one-statement append. Every append moves the chain head under its row lock, so
 * writers on several instances sharing one database extend a single, gap-free chain.
 *
 * <p>On an H2 file database, which only this process can open, decisions take a shorter way
 * ({@link #journalFirst()}): chained in memory and answered once the journal beside the file holds
 * them, then added to the database in batches. Every read waits for those batches first.
 */
public class JdbcAuditStore implements AuditStore, AutoCloseable {

    static final String COLUMNS = "chain_position, record_id, kind, recorded_at, case_id, actor_id, "
            + "rule_set_version, subject_id, payload, prev_hash, hash";
    /** What one record binds: its columns, then the ids of the rules and escapes it names. */
    private static final int RECORD_PARAMETERS = 13;
    private static final String RECORD_VALUES = String.join(", ", Collections.nCopies(RECORD_PARAMETERS, "?"));
    /** PostgreSQL takes at most 65,535 parameters in one statement; larger batches lock the head first. */
    private static final int MAX_ONE_STATEMENT_BATCH = (65_535 - 4) / RECORD_PARAMETERS;
    private static final RowMapper<StoredRecord> RECORD = JdbcAuditStore::toRecord;
    private static final String HEAD = "SELECT chain_position, hash FROM audit_chain_head WHERE id = 1";
    private static final RowMapper<ChainHead> CHAIN_HEAD =
            (row, rowNumber) -> new ChainHead(row.getLong("chain_position"), row.getString("hash"));
    private static final Logger log = LoggerFactory.getLogger(JdbcAuditStore.class);
    /** About 3,500 decisions: the database file is written and the journal emptied every second or two under load. */
    static final long JOURNAL_LIMIT_BYTES = 32L * 1024 * 1024;
    /** A second or less of walking on H2. */
    private static final long PROGRESS_EVERY = 10_000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate transactions;
    private final AuditDatabase database;
    private final Set<String> keptRuleSets = ConcurrentHashMap.newKeySet();
    /** Only on an H2 file database; PostgreSQL's commit is durable by itself, an in-memory H2 never is. */
    private final AuditJournal journal;
    private final ReentrantLock journalLock = new ReentrantLock();
    /** Commits without writing the H2 file: the journal makes those commits durable. */
    private final TransactionTemplate journaledTransactions;
    /** Only with the journal: adds what it holds to the database behind the answers. */
    private final JournalIndexer indexer;
    /** Only on H2: where the rule and escape filters can find a match (PostgreSQL has GIN indexes). */
    private final H2TermBlocks termBlocks;
    private final RecordSearch search;
    /** Where this instance last left the chain; another instance may have moved it since. */
    private volatile ChainHead lastWritten;

    /** With the default limits, and an H2 file database's batches counted in a registry no one reads. */
    public JdbcAuditStore(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this(dataSource, transactionManager, new SimpleMeterRegistry(), 500, Duration.ofSeconds(10));
    }

    /**
     * @param transactionManager makes each commit durable by itself (see {@link DurableCommitTransactionManager});
     *        on an H2 file database, the store uses it only for what it does not journal
     * @param meters where an H2 file database's batches into the database are counted
     * @param maxBatch on an H2 file database, the most journaled records added to the database in one transaction
     * @param patience on an H2 file database, how long a read, or an append that finds the journal
     *        full, waits for the database to catch up with the journal
     */
    public JdbcAuditStore(DataSource dataSource, PlatformTransactionManager transactionManager, MeterRegistry meters,
            int maxBatch, Duration patience) {
        this.jdbc = new JdbcTemplate(dataSource);
        // PostgreSQL streams a result only inside a transaction and with a fetch size; H2 ignores both.
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.transactions = new TransactionTemplate(transactionManager);
        this.database = AuditDatabase.of(dataSource);
        this.journal = database == AuditDatabase.H2 ? AuditJournal.besideH2File(jdbc) : null;
        this.journaledTransactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.indexer = journal == null ? null : new JournalIndexer(
                batch -> journaledTransactions.executeWithoutResult(status -> insert(batch)),
                maxBatch, patience, meters);
        this.termBlocks = database == AuditDatabase.H2 ? new H2TermBlocks(jdbc) : null;
        this.search = new RecordSearch(jdbc, streaming, transactions, database, termBlocks);
    }

    @Override
    public List<StoredRecord> append(List<AuditEntry> entries) {
        List<AuditJournal.Entry> appended;
        if (journal == null) {
            appended = transactions.execute(status -> extendChain(entries, false));
        } else {
            appended = appendJournaled(entries);
        }
        return appended.stream().map(AuditJournal.Entry::record).toList();
    }

    /**
     * On an H2 file database. The lock keeps the journal in chain order and makes every append wait
     * until the ones before it are durable, so a journal never holds a record whose predecessor
     * could be lost.
     */
    private List<AuditJournal.Entry> appendJournaled(List<AuditEntry> entries) {
        journalLock.lock();
        try {
            // This append writes the database directly, after every record journaled before it.
            indexer.awaitIndexed();
        } catch (RuntimeException e) {
            journalLock.unlock();
            throw e;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Part of a larger transaction (an escape use and its review-queue row): the transaction
            // manager writes the database file when that commits; until then, later appends wait.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        lastWritten = null;
                    }
                    journalLock.unlock();
                }
            });
            return transactions.execute(status -> extendChain(entries, true));
        }
        try {
            if (entries.stream().anyMatch(entry -> entry.ruleSet() != null)) {
                // A rule set's files are not journaled: rare enough to write the database file for.
                return transactions.execute(status -> extendChain(entries, true));
            }
            List<AuditJournal.Entry> appended = journaledTransactions.execute(status -> extendChain(entries, true));
            if (!journal.append(appended) || journal.size() > JOURNAL_LIMIT_BYTES) {
                // Also this batch, when it did not fit: it is in the database already.
                makeRoomInJournal();
            }
            return appended;
        } catch (RuntimeException e) {
            lastWritten = null;
            throw e;
        } finally {
            journalLock.unlock();
        }
    }

    /**
     * On an H2 file database, a writer that appends one record at a time and returns once the
     * journal holds it; the database gets it a moment later, before anyone can read it. Elsewhere,
     * none: each commit is durable by itself there, so group commit is what saves time.
     */
    @Override
    public Optional<RecordWriter> journalFirst() {
        return journal == null ? Optional.empty() : Optional.of(this::appendToJournal);
    }

    private StoredRecord appendToJournal(AuditEntry entry) {
        if (entry.ruleSet() != null) {
            return append(List.of(entry)).get(0);
        }
        journalLock.lock();
        try {
            if (indexer.isClosed()) {
                throw new AuditUnavailableException("the audit log is closing", null);
            }
            ChainHead head = lastWritten;
            if (head == null) {
                indexer.awaitIndexed();
                head = jdbc.queryForObject(HEAD, CHAIN_HEAD);
            }
            List<AuditJournal.Entry> appended = chain(head, List.of(entry));
            if (journal.size() > JOURNAL_LIMIT_BYTES) {
                makeRoomInJournal();
            }
            if (!journal.append(appended)) {
                makeRoomInJournal();
                if (!journal.append(appended)) {
                    throw new AuditUnavailableException("a record of " + entry.payload().length()
                            + " characters does not fit into the audit journal", null);
                }
            }
            indexer.add(appended.get(0));
            lastWritten = headAfter(appended);
            return appended.get(0).record();
        } finally {
            journalLock.unlock();
        }
    }

    /** The database file takes over once it holds all the journal did; then the journal starts again. */
    private void makeRoomInJournal() {
        indexer.awaitIndexed();
        jdbc.execute("CHECKPOINT");
        journal.clear();
    }

    /** Where the chain ends: the last record's position and hash. */
    private record ChainHead(long position, String hash) {}

    /** Until the transaction ends, appends on every instance sharing the database wait here, one after another. */
    private ChainHead lockHead() {
        return jdbc.queryForObject(HEAD + " FOR UPDATE", CHAIN_HEAD);
    }

    /**
     * On PostgreSQL, a batch first tries to follow on from where this instance last left the chain
     * in one statement, which moves the head only if it is still there: two round trips with the
     * head locked instead of four, and the next batch's wait is that much shorter. When another
     * instance has appended since, that statement changes nothing and the batch locks the head and
     * chains on from where it really is. Batches carrying a rule set's files always lock first, so
     * that instances never race to keep the same version.
     *
     * <p>On an H2 file database, no other process can open the file and every append holds the
     * journal lock, so where this instance left the chain is where it is: reading the head again
     * under a row lock cost a tenth of the writer thread.
     *
     * @param headIsOurs the caller holds the journal lock and forgets {@link #lastWritten} when a
     *        transaction fails, so it can be trusted as the head
     */
    private List<AuditJournal.Entry> extendChain(List<AuditEntry> entries, boolean headIsOurs) {
        ChainHead expected = lastWritten;
        if (headIsOurs && expected != null) {
            return extendFrom(expected, entries);
        }
        if (database == AuditDatabase.POSTGRESQL && expected != null && entries.size() <= MAX_ONE_STATEMENT_BATCH
                && entries.stream().allMatch(entry -> entry.ruleSet() == null)) {
            List<AuditJournal.Entry> appended = chain(expected, entries);
            if (insertIfHeadIs(expected, appended)) {
                lastWritten = headAfter(appended);
                return appended;
            }
        }
        return extendFrom(lockHead(), entries);
    }

    /** Keeps the rule sets the entries carry and appends the entries after a head no one else can move meanwhile. */
    private List<AuditJournal.Entry> extendFrom(ChainHead head, List<AuditEntry> entries) {
        entries.stream().filter(entry -> entry.ruleSet() != null)
                .forEach(entry -> keep(entry.ruleSet(), entry.recordedAt()));
        List<AuditJournal.Entry> appended = chain(head, entries);
        insert(appended);
        // If this transaction rolls back, PostgreSQL's next batch finds the head elsewhere and locks
        // it; on H2, appendJournaled forgets it.
        lastWritten = headAfter(appended);
        return appended;
    }

    /** The entries as records following on from the head, each hashed over the one before. */
    private static List<AuditJournal.Entry> chain(ChainHead head, List<AuditEntry> entries) {
        long position = head.position();
        String hash = head.hash();
        List<AuditJournal.Entry> appended = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            position++;
            StoredRecord unhashed = new StoredRecord(position, entry.recordId(), entry.kind(),
                    entry.recordedAt().truncatedTo(ChronoUnit.MILLIS), entry.caseId(), entry.actorId(),
                    entry.ruleSetVersion(), entry.subjectId(), entry.payload(), hash, null);
            hash = ChainHash.of(hash, position, unhashed);
            appended.add(new AuditJournal.Entry(withHash(unhashed, hash), entry.ruleIds(), entry.escapeIds()));
        }
        return appended;
    }

    private static ChainHead headAfter(List<AuditJournal.Entry> appended) {
        StoredRecord last = appended.get(appended.size() - 1).record();
        return new ChainHead(last.position(), last.hash());
    }

    /** Inserts records already chained and moves the chain head to the last of them. */
    private void insert(List<AuditJournal.Entry> entries) {
        jdbc.batchUpdate("INSERT INTO audit_record (" + COLUMNS + ", rule_ids, escape_ids) VALUES (" + RECORD_VALUES + ")",
                entries, entries.size(), (statement, entry) -> bind(statement, 1, entry));
        if (termBlocks != null) {
            termBlocks.record(entries);
        }
        ChainHead head = headAfter(entries);
        jdbc.update("UPDATE audit_chain_head SET chain_position = ?, hash = ? WHERE id = 1", head.position(), head.hash());
    }

    /**
     * PostgreSQL only: moves the head from {@code expected} to the last entry and inserts the
     * entries, in one statement; does neither and answers false when the head is no longer there.
     */
    private boolean insertIfHeadIs(ChainHead expected, List<AuditJournal.Entry> entries) {
        String sql = "WITH moved AS (UPDATE audit_chain_head SET chain_position = ?, hash = ? "
                + "WHERE id = 1 AND chain_position = ? AND hash = ? RETURNING id) "
                + "INSERT INTO audit_record (" + COLUMNS + ", rule_ids, escape_ids) SELECT record.* FROM moved "
                + "CROSS JOIN (VALUES " + String.join(", ", Collections.nCopies(entries.size(), "(" + RECORD_VALUES + ")"))
                + ") AS record";
        ChainHead moved = headAfter(entries);
        Integer inserted = jdbc.execute(sql, (PreparedStatement statement) -> {
            statement.setLong(1, moved.position());
            statement.setString(2, moved.hash());
            statement.setLong(3, expected.position());
            statement.setString(4, expected.hash());
            for (int i = 0; i < entries.size(); i++) {
                bind(statement, 5 + i * RECORD_PARAMETERS, entries.get(i));
            }
            return statement.executeUpdate();
        });
        return inserted != null && inserted == entries.size();
    }

    /** Sets one record's {@value #RECORD_PARAMETERS} values, in {@link #COLUMNS} order then rule and escape ids. */
    private static void bind(PreparedStatement statement, int first, AuditJournal.Entry entry) throws SQLException {
        StoredRecord record = entry.record();
        statement.setLong(first, record.position());
        statement.setString(first + 1, record.recordId());
        statement.setString(first + 2, record.kind());
        statement.setObject(first + 3, OffsetDateTime.ofInstant(record.recordedAt(), ZoneOffset.UTC));
        statement.setString(first + 4, record.caseId());
        statement.setString(first + 5, record.actorId());
        statement.setString(first + 6, record.ruleSetVersion());
        statement.setString(first + 7, record.subjectId());
        statement.setString(first + 8, record.payload());
        statement.setString(first + 9, record.prevHash());
        statement.setString(first + 10, record.hash());
        statement.setArray(first + 11, statement.getConnection().createArrayOf("VARCHAR", entry.ruleIds().toArray()));
        statement.setArray(first + 12, statement.getConnection().createArrayOf("VARCHAR", entry.escapeIds().toArray()));
    }

    /**
     * Puts back what the journal holds and the database file lost when the process was killed, then
     * empties the journal. Runs before anything is appended.
     */
    public void recoverFromJournal() {
        if (journal == null) {
            return;
        }
        journalLock.lock();
        try {
            List<AuditJournal.Entry> entries = journal.read();
            int recovered = transactions.execute(status -> {
                ChainHead head = lockHead();
                long position = head.position();
                String hash = head.hash();
                List<AuditJournal.Entry> missing = new ArrayList<>();
                for (AuditJournal.Entry entry : entries) {
                    StoredRecord record = entry.record();
                    if (record.position() <= position) {
                        continue;
                    }
                    if (record.position() != position + 1 || !record.prevHash().equals(hash)) {
                        throw new IllegalStateException("The audit journal " + journal.file() + " does not continue "
                                + "the audit log, which ends at position " + position + " with hash " + hash
                                + "; the journal's next record is position " + record.position() + " after hash "
                                + record.prevHash() + ". Leeway will not start until someone who knows why looks at both.");
                    }
                    if (!ChainHash.of(hash, record.position(), record).equals(record.hash())) {
                        throw new IllegalStateException("The audit journal " + journal.file() + " holds record "
                                + record.position() + " with contents that do not match its hash. Leeway will not "
                                + "start until someone who knows why looks at it.");
                    }
                    missing.add(entry);
                    position = record.position();
                    hash = record.hash();
                }
                if (!missing.isEmpty()) {
                    insert(missing);
                }
                return missing.size();
            });
            if (recovered > 0) {
                log.warn("Put back {} audit record(s) from {} that the database file did not hold yet",
                        recovered, journal.file());
            }
            makeRoomInJournal();
        } finally {
            journalLock.unlock();
        }
    }

    /**
     * Keeps a version's files once; runs while the head cannot move (its row lock, or on H2 the
     * journal lock), so instances never race to insert it.
     */
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
        awaitEverythingAnswered();
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_record WHERE record_id = ?", RECORD, recordId)
                .stream().findFirst();
    }

    @Override
    public Map<String, StoredRecord> findAll(Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return Map.of();
        }
        awaitEverythingAnswered();
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
    public ChainVerification verify(Collection<ChainAnchor> anchors, WalkProgress progress) {
        awaitEverythingAnswered();
        return transactions.execute(status -> {
            // The head before the walk: records appended meanwhile then extend the walk past the
            // head instead of making it look as if records at the end had been removed.
            ChainHead head = jdbc.queryForObject(HEAD, CHAIN_HEAD);
            ChainWalk walk = new ChainWalk(head.position(), anchors);
            progress.walked(0, head.position());
            database.readMany(jdbc, () -> streaming.query("SELECT " + COLUMNS + " FROM audit_record ORDER BY chain_position",
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
        awaitEverythingAnswered();
        return search.decisions(filter, beforePosition, limit);
    }

    /**
     * Activation records are the only ones without a case, so the index by case finds them without
     * walking the decisions.
     */
    @Override
    public List<StoredRecord> ruleSetActivations(long beforePosition, int limit) {
        awaitEverythingAnswered();
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_record WHERE case_id IS NULL AND kind = 'RULE_SET_ACTIVATED' "
                + "AND chain_position < ? ORDER BY chain_position DESC FETCH FIRST ? ROWS ONLY", RECORD,
                beforePosition > 0 ? beforePosition : Long.MAX_VALUE, limit);
    }

    @Override
    public Optional<StoredRecord> ruleSetActivation(String version) {
        awaitEverythingAnswered();
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_record WHERE case_id IS NULL AND kind = 'RULE_SET_ACTIVATED' "
                + "AND rule_set_version = ? FETCH FIRST 1 ROWS ONLY", RECORD, version).stream().findFirst();
    }

    @Override
    public void stream(ExportSelection selection, Consumer<StoredRecord> consumer) {
        awaitEverythingAnswered();
        search.stream(selection, consumer);
    }

    @Override
    public Optional<JournalBacklog> journalBacklog() {
        if (indexer == null) {
            return Optional.empty();
        }
        return Optional.of(new JournalBacklog(indexer.behind(), indexer.failing()
                .map(failure -> NestedExceptionUtils.getMostSpecificCause(failure).getMessage()).orElse(null)));
    }

    /** A read sees every record appended before it, also those still on their way from the journal. */
    void awaitEverythingAnswered() {
        if (indexer != null) {
            indexer.awaitIndexed();
        }
    }

    /** Adds what the journal holds to the database before the database closes. */
    @Override
    public void close() {
        if (indexer != null) {
            indexer.close();
        }
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
