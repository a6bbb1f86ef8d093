package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit log on PostgreSQL, the production store, with the production profile's settings, in a
 * schema of its own for this run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgresql")
@EnabledIf(value = "dev.leeway.audit.PostgresAvailability#reachable",
        disabledReason = "PostgreSQL at 127.0.0.1:5432 is not reachable: the PostgreSQL audit tests were SKIPPED")
class PostgresAuditLogTest extends AuditLogContract {

    static final PostgresSchema SCHEMA = PostgresSchema.fresh("leeway_test");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        SCHEMA.configure(registry);
    }

    @AfterAll
    static void dropTheRunsSchema() throws SQLException {
        SCHEMA.drop();
    }

    @Override
    void disableGuard() {
        jdbc.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only");
    }

    @Override
    void enableGuard() {
        jdbc.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only");
    }

    @Test
    void twoInstancesSharingTheDatabaseExtendOneIntactChain() {
        long before = recordCount();
        GroupCommitWriter first = instance();
        GroupCommitWriter second = instance();
        List<CompletableFuture<StoredRecord>> stored = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            stored.add(first.submit(new Append(List.of(entry("first-" + i)))).thenApply(records -> records.get(0)));
            stored.add(second.submit(new Append(List.of(entry("second-" + i)))).thenApply(records -> records.get(0)));
        }
        CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).join();
        first.stop();
        second.stop();

        assertThat(recordCount() - before).isEqualTo(600);
        assertThat(stored.stream().map(future -> future.join().position()).distinct().count()).isEqualTo(600);
        assertThat(api.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void anInstanceFollowsOnFromRecordsAnotherInstanceAppendedMeanwhile() {
        JdbcAuditStore first = store();
        JdbcAuditStore second = store();
        List<StoredRecord> appended = new ArrayList<>();
        for (int turn = 0; turn < 4; turn++) {
            // Each store last left the chain before the other one's batch, so neither may assume it still ends there.
            appended.addAll(first.append(List.of(entry("first-" + turn), entry("first-" + turn))));
            appended.addAll(second.append(List.of(entry("second-" + turn))));
        }

        for (int i = 1; i < appended.size(); i++) {
            assertThat(appended.get(i).position()).isEqualTo(appended.get(i - 1).position() + 1);
            assertThat(appended.get(i).prevHash()).isEqualTo(appended.get(i - 1).hash());
        }
        assertThat(api.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    /** A writer with its own connection pool, as another service instance would have. */
    private static GroupCommitWriter instance() {
        GroupCommitWriter writer = StandaloneStore.writer(ownPool(), 50);
        writer.start();
        return writer;
    }

    private static JdbcAuditStore store() {
        return StandaloneStore.on(ownPool());
    }

    private static DriverManagerDataSource ownPool() {
        return new DriverManagerDataSource(SCHEMA.url(), PostgresAvailability.USER, "");
    }

    private static AuditEntry entry(String caseId) {
        return new AuditEntry(UUID.randomUUID().toString(), RecordKind.DECISION, Instant.now(), caseId, "load", "sha256:x", null,
                "{\"case\":\"" + caseId + "\"}", List.of("rule"), List.of(), null);
    }
}
