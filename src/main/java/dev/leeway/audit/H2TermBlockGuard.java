package dev.leeway.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.h2.api.Trigger;

/**
 * Rows of {@code audit_term_block} are only ever added: a deleted or moved row would hide
 * decisions from the rule and escape filters. The writer's {@code MERGE} rewrites a row that is
 * there already with the same values, which passes.
 */
public class H2TermBlockGuard implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null || !Arrays.equals(oldRow, newRow)) {
            throw new SQLException("Leeway's index of rules and escapes by block is append-only: "
                    + (newRow == null ? "deletion" : "change") + " refused");
        }
    }
}
