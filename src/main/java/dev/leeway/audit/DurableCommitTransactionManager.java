package dev.leeway.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The transaction manager of the audit log: when a commit returns, what it wrote has reached the
 * operating system, so killing the process cannot lose a decision that was answered.
 *
 * <p>PostgreSQL does that itself. H2 either writes its file at every commit ({@code WRITE_DELAY=0}),
 * which also stops its background housekeeping, so the file never reclaims space; or it buffers
 * commits for up to half a second and compacts its file in the background. Leeway keeps the
 * background housekeeping and writes the file itself after each commit ({@code CHECKPOINT}).
 * Decisions, the bulk of the log, bypass this: {@link JdbcAuditStore} journals them instead, which
 * costs far less; what goes through here is the rest (escape uses, reviews, rule-set contents).
 */
public class DurableCommitTransactionManager extends JdbcTransactionManager {

    private final boolean flushAfterCommit;

    public DurableCommitTransactionManager(DataSource dataSource) {
        super(dataSource);
        this.flushAfterCommit = AuditDatabase.of(dataSource) == AuditDatabase.H2;
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        if (flushAfterCommit) {
            Connection connection = ((JdbcTransactionObjectSupport) status.getTransaction())
                    .getConnectionHolder().getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            } catch (SQLException e) {
                throw new TransactionSystemException("Committed, but could not write the H2 file", e);
            }
        }
    }
}
