package dev.leeway.shadow;

import dev.leeway.problem.OpaqueCursor;
import dev.leeway.whatif.Change;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code shadow_difference} table: each shadow run's differences, until the run ends. */
@Component
class ShadowDifferenceTable {

    private static final String CURSOR_KIND = "shadow-difference-before";
    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ShadowDifferenceTable(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(String shadowId, ShadowDifference difference) {
        jdbc.update("INSERT INTO shadow_difference (shadow_id, decision_id, case_id, evaluated_at, changes) "
                + "VALUES (?, ?, ?, ?, ?)", shadowId, difference.decisionId().toString(), difference.caseId(),
                difference.at().toString(), json.writeValueAsString(difference.changes()));
    }

    /** Newest first, older than where the cursor points (null: from the newest). */
    ShadowDifferencePage page(String shadowId, String cursor, int limit) {
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : OpaqueCursor.decodePosition(CURSOR_KIND, cursor);
        record Row(long id, ShadowDifference difference) {}
        List<Row> rows = jdbc.query("SELECT difference_id, decision_id, case_id, evaluated_at, changes FROM shadow_difference "
                + "WHERE shadow_id = ? AND difference_id < ? ORDER BY difference_id DESC FETCH FIRST ? ROWS ONLY",
                (row, n) -> new Row(row.getLong(1), new ShadowDifference(UUID.fromString(row.getString(2)),
                        row.getString(3), Instant.parse(row.getString(4)),
                        json.readValue(row.getString(5), CHANGES))),
                shadowId, before, limit + 1);
        List<Row> page = rows.stream().limit(limit).toList();
        return new ShadowDifferencePage(page.stream().map(Row::difference).toList(), rows.size() > limit
                ? OpaqueCursor.encode(CURSOR_KIND, Long.toString(page.get(limit - 1).id())) : null);
    }

    void deleteRun(String shadowId) {
        jdbc.update("DELETE FROM shadow_difference WHERE shadow_id = ?", shadowId);
    }
}
