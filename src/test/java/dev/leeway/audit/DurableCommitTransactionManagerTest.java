package dev.leeway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A commit through the audit log's transaction manager is in H2's file when it returns. The file is
 * copied while the database is still open, as a killed process would leave it, and opened again.
 */
class DurableCommitTransactionManagerTest {

    @TempDir
    Path directory;

    private JdbcDataSource dataSource;
    private JdbcTemplate jdbc;
    /** H2 writes everything when its last connection closes; this one keeps the database open. */
    private Connection keepOpen;

    @BeforeEach
    void createTable() throws SQLException {
        dataSource = new JdbcDataSource();
        // A write delay far longer than the test: H2 would not write its file on its own meanwhile.
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("live/leeway") + ";WRITE_DELAY=600000");
        dataSource.setUser("sa");
        keepOpen = dataSource.getConnection();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE answered (decision_id VARCHAR(36))");
        jdbc.execute("CHECKPOINT");
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        keepOpen.close();
    }

    @Test
    void answeredDecisionIsInTheFileWhenTheCommitReturns() throws Exception {
        recordIn(new DurableCommitTransactionManager(dataSource), "D-1");

        assertThat(decisionsInACopyOfTheFile()).isEqualTo(1);
    }

    @Test
    void plainH2CommitWaitsForTheBackgroundWriter() throws Exception {
        recordIn(new DataSourceTransactionManager(dataSource), "D-1");

        assertThat(decisionsInACopyOfTheFile()).isZero();
    }

    private void recordIn(PlatformTransactionManager transactions, String decisionId) {
        new TransactionTemplate(transactions).executeWithoutResult(
                status -> jdbc.update("INSERT INTO answered (decision_id) VALUES (?)", decisionId));
    }

    private int decisionsInACopyOfTheFile() throws Exception {
        Path copy = Files.createDirectories(directory.resolve("after-kill"));
        Files.copy(directory.resolve("live/leeway.mv.db"), copy.resolve("leeway.mv.db"));
        JdbcDataSource reopened = new JdbcDataSource();
        reopened.setURL("jdbc:h2:file:" + copy.resolve("leeway"));
        reopened.setUser("sa");
        try (Connection connection = reopened.getConnection()) {
            return new JdbcTemplate(new SingleConnectionDataSource(connection, true))
                    .queryForObject("SELECT COUNT(*) FROM answered", Integer.class);
        }
    }
}
