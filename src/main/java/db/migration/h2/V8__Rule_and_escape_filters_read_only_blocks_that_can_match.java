package db.migration.h2;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2 only: the table that tells the decision listing's rule and escape filters which blocks of 256
 * chain positions can hold a match (see {@code dev.leeway.audit.H2TermBlocks}), filled for the
 * records already in the log. In Java because H2's SQL cannot unnest each record's id arrays. It
 * reads the whole log once, at the first start after the upgrade.
 */
public class V8__Rule_and_escape_filters_read_only_blocks_that_can_match extends BaseJavaMigration {

    /** The block size the table is made with; the application's must stay the same. */
    private static final int BLOCK = 256;
    private static final int INSERTS_PER_BATCH = 1_000;

    private record Term(String kind, String id) {}

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE audit_term_block (term_kind VARCHAR(8) NOT NULL, term_id VARCHAR NOT NULL, "
                    + "block BIGINT NOT NULL, PRIMARY KEY (term_kind, term_id, block))");
        }
        try (Statement read = connection.createStatement();
                ResultSet rows = read.executeQuery(
                        "SELECT chain_position, rule_ids, escape_ids FROM audit_record ORDER BY chain_position");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO audit_term_block (term_kind, term_id, block) VALUES (?, ?, ?)")) {
            long block = -1;
            Set<Term> terms = new LinkedHashSet<>();
            int pending = 0;
            while (rows.next()) {
                long rowBlock = rows.getLong(1) / BLOCK;
                if (rowBlock != block) {
                    pending = add(insert, block, terms, pending);
                    block = rowBlock;
                }
                ids(rows.getArray(2)).forEach(id -> terms.add(new Term("RULE", id)));
                ids(rows.getArray(3)).forEach(id -> terms.add(new Term("ESCAPE", id)));
            }
            add(insert, block, terms, pending);
            insert.executeBatch();
        }
    }

    /** Queues the block's terms for insertion and forgets them; returns how many inserts are queued. */
    private static int add(PreparedStatement insert, long block, Set<Term> terms, int pending) throws SQLException {
        for (Term term : terms) {
            insert.setString(1, term.kind());
            insert.setString(2, term.id());
            insert.setLong(3, block);
            insert.addBatch();
            if (++pending == INSERTS_PER_BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }
        terms.clear();
        return pending;
    }

    private static List<String> ids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }
}
