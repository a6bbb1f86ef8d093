package dev.leeway.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
