package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On H2, an appended record is durable through the journal beside the database file, not through
 * the file itself. The files are copied while the database is still open, as a killed process
 * would leave them, and a new store is started on the copies.
 */
class AuditJournalTest {

    @TempDir
    Path directory;

    private JdbcDataSource dataSource;
    private JdbcAuditStore store;
    /** H2 writes everything when its last connection closes; this one keeps the database open. */
    private Connection keepOpen;

    @BeforeEach
    void openStore() throws SQLException {
        // A write delay far longer than the test: H2 would not write its file on its own meanwhile.
        dataSource = h2(directory.resolve("live/leeway") + ";WRITE_DELAY=600000");
        keepOpen = dataSource.getConnection();
        store = started(dataSource);
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        keepOpen.close();
    }

    @Test
    void answeredDecisionComesBackFromTheJournalAfterAKill() throws Exception {
        String first = append("J-1");
        String second = append("J-2");

        JdbcAuditStore restarted = started(h2(copyOfTheFiles(true) + ""));

        assertThat(restarted.find(first)).isPresent();
        assertThat(restarted.find(second)).get().extracting(StoredRecord::caseId).isEqualTo("J-2");
        assertThat(restarted.verify().intact()).isTrue();
        assertThat(restarted.decisions(new DecisionFilter(null, "some-rule", null, null, null, null), 0, 10))
                .as("found by the rule that fired").extracting(StoredRecord::recordId).containsExactly(second, first);
        assertThat(new AuditJournal(journalOf(copyDirectory())).read()).as("emptied once the file holds it").isEmpty();
    }

    @Test
    void withoutTheJournalTheFileAloneWouldHaveLostIt() throws Exception {
        String answered = append("J-1");

        JdbcAuditStore restarted = started(h2(copyOfTheFiles(false) + ""));

        assertThat(restarted.find(answered)).isEmpty();
    }

    @Test
    void aWriteCutShortByTheKillIsLeftOutAndTheRestComesBack() throws Exception {
        String answered = append("J-1");
        append("J-2");
        Path copy = copyOfTheFiles(true);
        Path journal = journalOf(copy.getParent());
        long endOfBothRecords = new AuditJournal(journal).size();
        // The kill came while the second record was being copied in: its last bytes are still zero.
        try (FileChannel file = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.allocate(40), endOfBothRecords - 40);
        }

        JdbcAuditStore restarted = started(h2(copy + ""));

        assertThat(restarted.find(answered)).isPresent();
        assertThat(restarted.verify().intact()).isTrue();
    }

    @Test
    void aRecordFromBeforeTheJournalWasEmptiedIsNotReadBackWhereANewOneStarts() throws Exception {
        append("J-1");
        Path copy = copyOfTheFiles(true);
        Path journal = journalOf(copy.getParent());
        AuditJournal reopened = new AuditJournal(journal);
        // The record's frame, after the journal's 16-byte header.
        ByteBuffer earlierRecord = ByteBuffer.allocate((int) reopened.size() - 16);
        try (FileChannel file = FileChannel.open(journal, StandardOpenOption.READ)) {
            file.read(earlierRecord, 16);
        }
        reopened.clear();
        // Whole, with a valid checksum, where the next record's frame will start: only the
        // generation it was written in tells it apart.
        try (FileChannel file = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            file.write(earlierRecord.flip(), 16);
        }

        assertThat(new AuditJournal(journal).read()).isEmpty();
    }

    @Test
    void aJournalWrittenBeforeItHadAHeaderIsStillReadBack() throws Exception {
        Path copy = copyOfTheFiles(false);
        Path journal = journalOf(copy.getParent());
        try (InputStream written = getClass().getResourceAsStream("/audit/journal-before-headers.audit-journal")) {
            Files.copy(written, journal);
        }

        JdbcAuditStore restarted = started(h2(copy + ""));

        assertThat(restarted.decisions(new DecisionFilter("LEGACY-2", null, null, null, null, null), 0, 10))
                .extracting(StoredRecord::recordId).containsExactly("0192f7a0-0000-7000-8000-000000000002");
        assertThat(restarted.verify().recordsChecked()).isEqualTo(2);
        assertThat(restarted.verify().intact()).isTrue();
        assertThat(new AuditJournal(journal).read()).as("emptied once the file holds it").isEmpty();
    }

    @Test
    void aDamagedRecordBeforeTheEndStopsStartUp() throws Exception {
        append("J-1");
        append("J-2");
        Path copy = copyOfTheFiles(true);
        Path journal = journalOf(copy.getParent());
        // A bit of the first record's checksum flipped: the header ends at byte 16, the length takes 4.
        try (FileChannel file = FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer checksum = ByteBuffer.allocate(1);
            file.read(checksum, 20);
            checksum.put(0, (byte) (checksum.get(0) ^ 1));
            file.write(checksum.rewind(), 20);
        }

        assertThatThrownBy(() -> started(h2(copy + "")))
                .hasMessageContaining(journal.toString())
                .hasMessageContaining("damaged audit journal entry at byte 16");
    }

    @Test
    void aJournalThatDoesNotContinueTheLogStopsStartUp() throws Exception {
        Path copy = copyOfTheFiles(false);
        Path journal = journalOf(copy.getParent());
        StoredRecord notTheNext = new StoredRecord(5, UUID.randomUUID().toString(), "DECISION", Instant.now(), "J-5",
                null, null, null, "{}", "0".repeat(64), "1".repeat(64));
        new AuditJournal(journal).append(List.of(new AuditJournal.Entry(notTheNext, List.of(), List.of())));

        assertThatThrownBy(() -> started(h2(copy + "")))
                .hasMessageContaining(journal.toString())
                .hasMessageContaining("does not continue the audit log");
    }

    @Test
    void aJournalRecordThatDoesNotMatchItsHashStopsStartUp() throws Exception {
        String answered = append("J-1");
        Path copy = copyOfTheFiles(false);
        Path journal = journalOf(copy.getParent());
        StoredRecord genuine = store.find(answered).orElseThrow();
        StoredRecord altered = new StoredRecord(genuine.position(), genuine.recordId(), genuine.kind(),
                genuine.recordedAt(), "J-ALTERED", genuine.actorId(), genuine.ruleSetVersion(), genuine.subjectId(),
                genuine.payload(), genuine.prevHash(), genuine.hash());
        Files.deleteIfExists(journal);
        new AuditJournal(journal).append(List.of(new AuditJournal.Entry(altered, List.of(), List.of())));

        assertThatThrownBy(() -> started(h2(copy + "")))
                .hasMessageContaining(journal.toString())
                .hasMessageContaining("do not match its hash");
    }

    @Test
    void anAppendRolledBackWithTheTransactionItWasPartOfLeavesNoGapInTheChain() {
        append("J-1");
        new TransactionTemplate(new DurableCommitTransactionManager(dataSource)).executeWithoutResult(status -> {
            append("J-ROLLED-BACK");
            status.setRollbackOnly();
        });
        String next = append("J-2");

        assertThat(store.find(next)).get().extracting(StoredRecord::position).isEqualTo(2L);
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void aDecisionAnsweredOnceTheJournalHoldsItCanBeReadAtOnce() {
        RecordWriter journalFirst = store.journalFirst().orElseThrow();

        String answered = answer(journalFirst, "J-1");

        assertThat(store.find(answered)).get().extracting(StoredRecord::caseId).isEqualTo("J-1");
        assertThat(store.decisions(new DecisionFilter(null, "some-rule", null, null, null, null), 0, 10))
                .extracting(StoredRecord::recordId).containsExactly(answered);
    }

    @Test
    void aDecisionAnsweredOnceTheJournalHoldsItComesBackAfterAKill() throws Exception {
        RecordWriter journalFirst = store.journalFirst().orElseThrow();
        String first = answer(journalFirst, "J-1");
        String second = answer(journalFirst, "J-2");

        JdbcAuditStore restarted = started(h2(copyOfTheFiles(true) + ""));

        assertThat(restarted.find(first)).isPresent();
        assertThat(restarted.find(second)).get().extracting(StoredRecord::position).isEqualTo(2L);
        assertThat(restarted.verify().intact()).isTrue();
    }

    @Test
    void decisionsAnsweredFromTheJournalAndRecordsWrittenDirectlyShareOneChain() {
        RecordWriter journalFirst = store.journalFirst().orElseThrow();
        answer(journalFirst, "J-1");
        String escapeUse = append("J-ESCAPE");
        new TransactionTemplate(new DurableCommitTransactionManager(dataSource)).executeWithoutResult(status -> {
            append("J-ROLLED-BACK");
            status.setRollbackOnly();
        });
        String next = answer(journalFirst, "J-2");

        assertThat(store.find(escapeUse)).get().extracting(StoredRecord::position).isEqualTo(2L);
        assertThat(store.find(next)).get().extracting(StoredRecord::position).isEqualTo(3L);
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void aFullJournalIsHandedToTheDatabaseFileAndNothingAnsweredIsLost() throws Exception {
        RecordWriter journalFirst = store.journalFirst().orElseThrow();
        String large = "x".repeat(1_000_000);
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = UUID.randomUUID().toString();
            journalFirst.write(new AuditEntry(id, "DECISION", Instant.now(), "J-" + i, "agent-7", "sha256:test", null,
                    "{\"case\":\"J-" + i + "\",\"notes\":\"" + large + "\"}", List.of("some-rule"), List.of(), null));
            answered.add(id);
        }

        assertThat(new AuditJournal(journalOf(directory.resolve("live"))).size())
                .as("emptied once the database file took over").isLessThan(JdbcAuditStore.JOURNAL_LIMIT_BYTES);
        JdbcAuditStore restarted = started(h2(copyOfTheFiles(true) + ""));
        assertThat(restarted.findAll(answered)).hasSize(40);
        assertThat(restarted.verify().intact()).isTrue();
    }

    private static String answer(RecordWriter writer, String caseId) {
        String id = UUID.randomUUID().toString();
        writer.write(entry(id, caseId));
        return id;
    }

    private static AuditEntry entry(String id, String caseId) {
        return new AuditEntry(id, "DECISION", Instant.now(), caseId, "agent-7", "sha256:test", null,
                "{\"case\":\"" + caseId + "\"}", List.of("some-rule"), List.of(), null);
    }

    private String append(String caseId) {
        String id = UUID.randomUUID().toString();
        store.append(List.of(entry(id, caseId)));
        return id;
    }

    private static JdbcAuditStore started(JdbcDataSource dataSource) {
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        JdbcAuditStore started = new JdbcAuditStore(dataSource, new DurableCommitTransactionManager(dataSource));
        started.recoverFromJournal();
        return started;
    }

    private Path copyOfTheFiles(boolean withJournal) throws Exception {
        Path copy = Files.createDirectories(copyDirectory());
        Files.copy(directory.resolve("live/leeway.mv.db"), copy.resolve("leeway.mv.db"));
        if (withJournal) {
            Files.copy(journalOf(directory.resolve("live")), journalOf(copy));
        }
        return copy.resolve("leeway");
    }

    private Path copyDirectory() {
        return directory.resolve("after-kill");
    }

    private static Path journalOf(Path databaseDirectory) {
        return databaseDirectory.resolve("leeway.audit-journal");
    }

    private static JdbcDataSource h2(String path) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + path);
        dataSource.setUser("sa");
        return dataSource;
    }
}
