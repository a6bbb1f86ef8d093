package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * On H2, an append is in the database file when it returns. The file is copied while the database
 * is still open, as a killed process or a crashed machine would leave it, and opened again.
 */
class H2CommitDurabilityTest {

    @TempDir
    Path directory;

    private JdbcDataSource dataSource;
    /** H2 writes everything when its last connection closes; this one keeps the database open. */
    private Connection keepOpen;

    @BeforeEach
    void openDatabase() throws SQLException {
        dataSource = new JdbcDataSource();
        // A write delay far longer than the test: H2 would not write its file on its own meanwhile.
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("live/leeway") + ";WRITE_DELAY=600000");
        dataSource.setUser("sa");
        keepOpen = dataSource.getConnection();
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        new JdbcTemplate(dataSource).execute("CHECKPOINT SYNC");
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        keepOpen.close();
    }

    @Test
    void anAnsweredDecisionIsInTheFileWhenItsAppendReturns() throws Exception {
        GroupCommitWriter writer = StandaloneStore.writer(dataSource, 50);
        try {
            writer.write(new Append(List.of(decision())));
        } finally {
            writer.stop();
        }

        assertThat(recordsInACopyOfTheFile()).isEqualTo(1);
    }

    @Test
    void aPlainH2CommitWaitsForTheBackgroundWriter() throws Exception {
        new JdbcTemplate(dataSource).update("UPDATE audit_chain_head SET chain_position = 1 WHERE id = 1");

        assertThat(headInACopyOfTheFile()).as("what the writer's forcing to disk is for").isZero();
    }

    private static AuditEntry decision() {
        return new AuditEntry(UUID.randomUUID().toString(), RecordKind.DECISION, Instant.now(), "DURABLE-1", "agent-7",
                "sha256:test", null, "{}", List.of(), List.of(), null);
    }

    private long recordsInACopyOfTheFile() throws Exception {
        return inACopyOfTheFile("SELECT COUNT(*) FROM audit_record");
    }

    private long headInACopyOfTheFile() throws Exception {
        return inACopyOfTheFile("SELECT chain_position FROM audit_chain_head");
    }

    private long inACopyOfTheFile(String query) throws Exception {
        Path copy = Files.createDirectories(directory.resolve("after-kill"));
        Files.copy(directory.resolve("live/leeway.mv.db"), copy.resolve("leeway.mv.db"));
        JdbcDataSource reopened = new JdbcDataSource();
        reopened.setURL("jdbc:h2:file:" + copy.resolve("leeway"));
        reopened.setUser("sa");
        try (Connection connection = reopened.getConnection()) {
            return new JdbcTemplate(new SingleConnectionDataSource(connection, true)).queryForObject(query, Long.class);
        }
    }
}
