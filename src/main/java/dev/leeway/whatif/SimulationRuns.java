package dev.leeway.whatif;

import dev.leeway.rules.RuleProblem;
import dev.leeway.whatif.SimulationRun.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code simulation_run} table: every background simulation, readable by every instance that
 * shares the database. Updates only ever move a {@code RUNNING} simulation on, so one cancelled
 * stays cancelled, and its replay learns so when it next saves its progress.
 */
@Component
class SimulationRuns {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    SimulationRuns(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void add(SimulationRun run) {
        SimulationRun.Window window = run.window();
        jdbc.update("INSERT INTO simulation_run (simulation_id, requested_by, instance, status, started_at, window_from, "
                + "window_to, case_id, rule_id, escape_id, candidate_version, candidate_problems, records_read, changed, "
                + "failed, by_aspect) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, '{}')", run.simulationId(),
                run.requestedBy(), run.instance(), run.status().name(), utc(run.startedAt()), utc(window.from()),
                utc(window.to()), window.caseId(), window.rule(), window.escape(), run.candidateVersion(),
                json.writeValueAsString(run.candidateProblems()));
    }

    /** @return false when the simulation is no longer running: someone cancelled it, or it was given up */
    boolean progress(String simulationId, long recordsRead, SimulationReport.Totals totals) {
        return jdbc.update("UPDATE simulation_run SET records_read = ?, changed = ?, failed = ?, by_aspect = ? "
                + "WHERE simulation_id = ? AND status = 'RUNNING'", recordsRead, totals.changed(), totals.failed(),
                json.writeValueAsString(totals.byAspect()), simulationId) == 1;
    }

    /** Ends a running simulation; one that has ended already stays as it ended. */
    void end(String simulationId, Status status, String failure) {
        jdbc.update("UPDATE simulation_run SET status = ?, finished_at = ?, failure = ? "
                + "WHERE simulation_id = ? AND status = 'RUNNING'", status.name(), utc(clock.instant()), failure,
                simulationId);
    }

    /** Every simulation the instance had running: at its start, those were cut short by a crash. */
    void interruptRunningOn(String instance, String failure) {
        jdbc.update("UPDATE simulation_run SET status = 'INTERRUPTED', finished_at = ?, failure = ? "
                + "WHERE status = 'RUNNING' AND instance = ?", utc(clock.instant()), failure, instance);
    }

    Optional<SimulationRun> find(String simulationId) {
        return jdbc.query("SELECT * FROM simulation_run WHERE simulation_id = ?", this::toRun, simulationId)
                .stream().findFirst();
    }

    private SimulationRun toRun(ResultSet row, int rowNumber) throws SQLException {
        long read = row.getLong("records_read");
        long changed = row.getLong("changed");
        long failed = row.getLong("failed");
        Map<String, Long> byAspect = json.readValue(row.getString("by_aspect"), new TypeReference<Map<String, Long>>() {});
        List<RuleProblem> problems = json.readValue(row.getString("candidate_problems"),
                new TypeReference<List<RuleProblem>>() {});
        return new SimulationRun(row.getString("simulation_id"), row.getString("requested_by"), row.getString("instance"),
                Status.valueOf(row.getString("status")), instant(row, "started_at"), instant(row, "finished_at"),
                new SimulationRun.Window(instant(row, "window_from"), instant(row, "window_to"), row.getString("case_id"),
                        row.getString("rule_id"), row.getString("escape_id")),
                row.getString("candidate_version"), problems, read,
                new SimulationReport.Totals(read, changed, read - changed - failed, failed, byAspect), List.of(),
                row.getString("failure"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
