package dev.leeway.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** The embedded database's counterpart of the PostgreSQL trigger: audit records are never updated or deleted. */
public class H2AppendOnlyGuard implements Trigger {

    private String table;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
            int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("Leeway audit records are append-only: change to " + table + " refused");
    }
}
