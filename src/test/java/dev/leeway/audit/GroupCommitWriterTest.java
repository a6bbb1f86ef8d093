package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The one writer of the audit log: batches, what fails in them, and its life cycle. */
class GroupCommitWriterTest {

    private JdbcTemplate jdbc;
    private GroupCommitWriter writer;

    @BeforeEach
    void openDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:writer-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE beside_the_log (record_id VARCHAR(36) PRIMARY KEY)");
        writer = StandaloneStore.writer(dataSource, 50);
    }

    @AfterEach
    void stopWriter() {
        writer.stop();
    }

    @Test
    void aRefusedTableWriteFailsItsOwnAppendAndNothingElseInTheBatch() {
        IllegalStateException refusal = new IllegalStateException("refused beside the log");
        List<CompletableFuture<List<StoredRecord>>> appended = List.of(
                writer.submit(alongside(entry("KEPT-1"))),
                writer.submit(new Append(List.of(entry("REFUSED")), () -> {
                    throw refusal;
                })),
                writer.submit(alongside(entry("KEPT-2"))));

        assertThat(appended.get(0).join()).hasSize(1);
        assertThat(appended.get(2).join()).hasSize(1);
        assertThatThrownBy(() -> writer.write(new Append(List.of(entry("REFUSED-AGAIN")), () -> {
            throw refusal;
        }))).isSameAs(refusal);
        assertThat(jdbc.queryForList("SELECT case_id FROM audit_record ORDER BY chain_position", String.class))
                .containsExactly("KEPT-1", "KEPT-2");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM beside_the_log", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT chain_position FROM audit_chain_head", Long.class)).isEqualTo(2);
    }

    @Test
    void aStoppedWriterRecordsAgainOnceStarted() {
        writer.write(new Append(List.of(entry("BEFORE-STOP"))));
        writer.stop();
        assertThatThrownBy(() -> writer.write(new Append(List.of(entry("WHILE-STOPPED")))))
                .isInstanceOf(AuditUnavailableException.class);

        writer.start();
        List<StoredRecord> after = writer.write(new Append(List.of(entry("AFTER-START"))));

        assertThat(after.get(0).position()).isEqualTo(2);
    }

    private Append alongside(AuditEntry entry) {
        return new Append(List.of(entry), () -> jdbc.update("INSERT INTO beside_the_log VALUES (?)", entry.recordId()));
    }

    private static AuditEntry entry(String caseId) {
        return new AuditEntry(UUID.randomUUID().toString(), RecordKind.DECISION, Instant.now(), caseId, "agent-7",
                "sha256:test", null, "{}", List.of(), List.of(), null);
    }
}
