package dev.leeway.whatif;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code simulation_change} table: each replayed decision of a background simulation that
 * changed or failed, in the order it was replayed. Unchanged decisions are only counted.
 */
@Component
class SimulationChanges {

    /** Rows read at once when the changes are exported. */
    private static final int EXPORT_PAGE = 1_000;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    SimulationChanges(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param firstSeq the place of the first outcome among all the simulation keeps */
    void add(String simulationId, long firstSeq, List<SimulationReport.CaseOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO simulation_change (simulation_id, seq, decision_id, case_id, decided_at, "
                + "rule_set_version, changes, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new BatchPreparedStatementSetter() {

                    @Override
                    public void setValues(PreparedStatement statement, int index) throws SQLException {
                        SimulationReport.CaseOutcome outcome = outcomes.get(index);
                        statement.setString(1, simulationId);
                        statement.setLong(2, firstSeq + index);
                        statement.setString(3, outcome.decisionId());
                        statement.setString(4, outcome.caseId());
                        statement.setObject(5, SimulationRuns.utc(outcome.at()));
                        statement.setString(6, outcome.ruleSetVersion());
                        statement.setString(7, json.writeValueAsString(outcome.changes()));
                        statement.setString(8, outcome.error() == null ? null : truncated(outcome.error()));
                    }

                    @Override
                    public int getBatchSize() {
                        return outcomes.size();
                    }
                });
    }

    List<SimulationReport.CaseOutcome> first(String simulationId, int limit) {
        return jdbc.query("SELECT * FROM simulation_change WHERE simulation_id = ? ORDER BY seq FETCH FIRST ? ROWS ONLY",
                this::toOutcome, simulationId, limit);
    }

    /** Hands every kept outcome to {@code each} in replay order, a page at a time. */
    void forEach(String simulationId, Consumer<SimulationReport.CaseOutcome> each) {
        long after = -1;
        while (true) {
            List<Row> page = jdbc.query("SELECT * FROM simulation_change WHERE simulation_id = ? AND seq > ? "
                    + "ORDER BY seq FETCH FIRST ? ROWS ONLY", (row, n) -> new Row(row.getLong("seq"), toOutcome(row, n)),
                    simulationId, after, EXPORT_PAGE);
            page.forEach(row -> each.accept(row.outcome()));
            if (page.size() < EXPORT_PAGE) {
                return;
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    private record Row(long seq, SimulationReport.CaseOutcome outcome) {}

    private SimulationReport.CaseOutcome toOutcome(ResultSet row, int rowNumber) throws SQLException {
        List<Change> changes = json.readValue(row.getString("changes"), new TypeReference<List<Change>>() {});
        return new SimulationReport.CaseOutcome(row.getString("decision_id"), row.getString("case_id"),
                SimulationRuns.instant(row, "decided_at"), row.getString("rule_set_version"), !changes.isEmpty(),
                changes, row.getString("error"));
    }

    private static String truncated(String error) {
        return error.length() <= 2_000 ? error : error.substring(0, 1_997) + "...";
    }
}
