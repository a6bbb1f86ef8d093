package dev.leeway.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where the SQL or the durability of the two databases the audit log runs on differ; nowhere else does. */
enum AuditDialect {
    /**
     * H2 writes its file in the background, up to half a second after a commit: {@code CHECKPOINT
     * SYNC} writes what is unsaved on this thread and forces the file to the disk.
     */
    H2("ARRAY_CONTAINS(%s, ?)", "CHECKPOINT SYNC") {
        @Override
        Optional<Path> databaseFile(JdbcTemplate jdbc) {
            return Optional.ofNullable(jdbc.queryForObject("SELECT DATABASE_PATH()", String.class)).map(Path::of);
        }

        /**
         * H2 unnests no column of the row it reads: each record is joined with the positions 1..n
         * of the longest array among the records asked for, and keeps those its own array has.
         */
        @Override
        Elements elements(String column, String condition, List<Object> arguments) {
            String sql = ("SELECT r.%1$s[n.X] AS element, r.recorded_at FROM audit_record r"
                    + " JOIN SYSTEM_RANGE(1, (SELECT COALESCE(MAX(CARDINALITY(%1$s)), 0) FROM audit_record WHERE %2$s)) n"
                    + " ON n.X <= CARDINALITY(r.%1$s) WHERE %2$s").formatted(column, condition);
            List<Object> twice = new ArrayList<>(arguments);
            twice.addAll(arguments);
            return new Elements(sql, twice.toArray());
        }
    },
    /** A commit returns once its WAL record is flushed (synchronous_commit on); @> is what the GIN indexes answer. */
    POSTGRESQL("%s @> ARRAY[CAST(? AS VARCHAR)]", null);

    private final String arrayContains;
    private final String forceToDisk;

    AuditDialect(String arrayContains, String forceToDisk) {
        this.arrayContains = arrayContains;
        this.forceToDisk = forceToDisk;
    }

    /** A condition that the array column holds the statement's next parameter. */
    String arrayContains(String column) {
        return arrayContains.formatted(column);
    }

    /** A query and its parameters. */
    record Elements(String sql, Object[] arguments) {}

    /**
     * A query with one row per element of the array column of each record the condition admits:
     * the element as {@code element}, beside the record's {@code recorded_at}.
     */
    Elements elements(String column, String condition, List<Object> arguments) {
        return new Elements("SELECT unnest(%s) AS element, recorded_at FROM audit_record WHERE %s".formatted(column, condition),
                arguments.toArray());
    }

    /** After a commit: once this returns, the commit is on the disk, not only with the operating system. */
    void forceToDisk(JdbcTemplate jdbc) {
        if (forceToDisk != null) {
            jdbc.execute(forceToDisk);
        }
    }

    /**
     * Runs a read of many rows inside the current transaction. H2 copies a whole result to a
     * temporary file before handing over its first row unless told to read lazily; PostgreSQL
     * already streams in a transaction.
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

    /** The file the database lives in, where this process opens it itself: H2's, unless in memory. */
    Optional<Path> databaseFile(JdbcTemplate jdbc) {
        return Optional.empty();
    }

    static AuditDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return "H2".equals(product) ? H2 : POSTGRESQL;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the audit database", e);
        }
    }
}
