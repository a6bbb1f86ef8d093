package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Requests that arrive while a commit runs line up and share the next commit. The commit in flight
 * is held up the way another instance would hold it up: by a transaction holding the chain head.
 */
class GroupCommitWriterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExecutorService helpdesks = Executors.newFixedThreadPool(4);
    private JdbcDataSource dataSource;
    private JdbcAuditStore store;
    private GroupCommitWriter writer;
    private Connection otherInstance;

    @BeforeEach
    void createLog() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:group-commit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        store = new JdbcAuditStore(dataSource, new DataSourceTransactionManager(dataSource));
        writer = new GroupCommitWriter(store, 50, meters);
    }

    @AfterEach
    void stop() throws Exception {
        helpdesks.shutdownNow();
        if (otherInstance != null) {
            otherInstance.close();
        }
    }

    @Test
    void recordsThatArriveDuringACommitShareTheNextOne() throws Exception {
        holdChainHead();
        Future<StoredRecord> first = append("first", Duration.ofSeconds(30));
        awaitLine(1);
        List<Future<StoredRecord>> followers = List.of(append("second", Duration.ofSeconds(30)),
                append("third", Duration.ofSeconds(30)), append("fourth", Duration.ofSeconds(30)));
        awaitLine(4);

        releaseChainHead();

        assertThat(first.get().position()).isEqualTo(1);
        assertThat(followers).extracting(follower -> follower.get().position()).containsExactlyInAnyOrder(2L, 3L, 4L);
        assertThat(meters.get("leeway.audit.batch.size").summary().count()).isEqualTo(2);
        assertThat(meters.get("leeway.audit.batch.size").summary().max()).isEqualTo(3);
        assertThat(meters.get("leeway.audit.queue").gauge().value()).isZero();
        assertThat(store.verify().intact()).isTrue();
    }

    @Test
    void aRecordNoCommitTookInTimeIsRefusedAndNotRecorded() throws Exception {
        holdChainHead();
        Future<StoredRecord> first = append("first", Duration.ofSeconds(30));
        awaitLine(1);
        AuditEntry late = entry("late");

        assertThatThrownBy(() -> writer.append(late, Duration.ofMillis(200))).isInstanceOf(TimeoutException.class);
        releaseChainHead();

        assertThat(first.get().position()).isEqualTo(1);
        assertThat(store.find(late.recordId())).isEmpty();
        assertThat(meters.get("leeway.audit.queue").gauge().value()).isZero();
    }

    @Test
    void whenACommitFailsEveryRequestInItFails() throws Exception {
        holdChainHead();
        Future<StoredRecord> first = append("first", Duration.ofSeconds(30));
        awaitLine(1);
        AuditEntry original = entry("second");
        AuditEntry sameId = new AuditEntry(original.recordId(), "DECISION", Instant.now(), "third", null, null, null,
                "{}", List.of(), List.of(), null);
        Future<StoredRecord> second = helpdesks.submit(() -> writer.append(original, Duration.ofSeconds(30)));
        Future<StoredRecord> third = helpdesks.submit(() -> writer.append(sameId, Duration.ofSeconds(30)));
        awaitLine(3);

        releaseChainHead();

        assertThat(first.get().position()).isEqualTo(1);
        assertThatThrownBy(second::get).isInstanceOf(ExecutionException.class);
        assertThatThrownBy(third::get).isInstanceOf(ExecutionException.class);
        assertThat(store.find(original.recordId())).isEmpty();
        assertThat(store.verify().intact()).isTrue();
    }

    private Future<StoredRecord> append(String caseId, Duration timeout) {
        AuditEntry entry = entry(caseId);
        return helpdesks.submit(() -> writer.append(entry, timeout));
    }

    private static AuditEntry entry(String caseId) {
        return new AuditEntry(UUID.randomUUID().toString(), "DECISION", Instant.now(), caseId, "agent", "sha256:x",
                null, "{\"case\":\"" + caseId + "\"}", List.of("rule"), List.of(), null);
    }

    private void holdChainHead() throws Exception {
        otherInstance = dataSource.getConnection();
        otherInstance.setAutoCommit(false);
        otherInstance.createStatement().executeQuery("SELECT * FROM audit_chain_head WHERE id = 1 FOR UPDATE").close();
    }

    private void releaseChainHead() throws Exception {
        otherInstance.rollback();
    }

    private void awaitLine(int length) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (meters.get("leeway.audit.queue").gauge().value() < length && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(meters.get("leeway.audit.queue").gauge().value()).isEqualTo(length);
    }
}
