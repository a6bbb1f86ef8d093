package dev.leeway.audit;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

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

    static AuditDatabase of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return "H2".equals(product) ? H2 : POSTGRESQL;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the audit database", e);
        }
    }
}
