package dev.leeway.audit.verification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The embedded database's counterpart of the PostgreSQL trigger on {@code chain_verification}: a
 * walk is never deleted, and once it has ended it is never changed.
 */
public class H2EndedWalkGuard implements Trigger {

    private int statusColumn = -1;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, schemaName, tableName, "STATUS")) {
            if (columns.next()) {
                statusColumn = columns.getInt("ORDINAL_POSITION") - 1;
            }
        }
        if (statusColumn < 0) {
            throw new SQLException("chain_verification has no status column to guard");
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null || !"RUNNING".equals(oldRow[statusColumn])) {
            throw new SQLException("Leeway keeps every walk of the audit chain once it has ended: "
                    + (newRow == null ? "deletion" : "change") + " of verification " + oldRow[0] + " refused");
        }
    }
}
