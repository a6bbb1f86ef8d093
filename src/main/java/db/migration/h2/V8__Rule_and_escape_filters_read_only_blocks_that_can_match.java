package db.migration.h2;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2 only, applied on databases upgraded before V13: it made and filled the table of rule and
 * escape blocks, which V13 drops. It stays, for Flyway to find every version a database ran,
 * and now creates the table empty, because V11 puts a trigger on it and V13 drops it.
 * A Java migration has no checksum unless it declares one, so databases that ran the filling
 * version still validate.
 */
public class V8__Rule_and_escape_filters_read_only_blocks_that_can_match extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement create = context.getConnection().createStatement()) {
            create.execute("CREATE TABLE audit_term_block (term_kind VARCHAR(8) NOT NULL, term_id VARCHAR NOT NULL, "
                    + "block BIGINT NOT NULL, PRIMARY KEY (term_kind, term_id, block))");
        }
    }
}
