package dev.leeway.audit;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The two databases the audit log runs on, where their SQL or their durability differ. */
enum AuditDatabase {
    H2("ARRAY_CONTAINS(%s, ?)"),
    // @> is what PostgreSQL's GIN indexes on the id columns answer.
    POSTGRESQL("%s @> ARRAY[CAST(? AS VARCHAR)]");

    private final String arrayContains;

    AuditDatabase(String arrayContains) {
        this.arrayContains = arrayContains;
    }

    /** A condition that the array column holds the statement's next parameter. */
    String arrayContains(String column) {
        return arrayContains.formatted(column);
    }

    /**
     * Runs a read of many rows inside the current transaction. H2 copies a whole result to a
     * temporary file before handing over its first row unless told to read lazily, which made
     * walking the chain two and a half times slower; PostgreSQL already streams in a transaction.
     */
    void readMany(JdbcTemplate jdbc, Runnable read) {
        if (this != H2) {
            read.run();
            return;
        }
        jdbc.execute("SET LAZY_QUERY_EXECUTION TRUE");
        try {
            read.run();
        } finally {
            // The connection goes back to the pool.
            jdbc.execute("SET LAZY_QUERY_EXECUTION FALSE");
        }
    }

    static AuditDatabase of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return "H2".equals(product) ? H2 : POSTGRESQL;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the audit database", e);
        }
    }
}
