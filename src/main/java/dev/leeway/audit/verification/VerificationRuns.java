package dev.leeway.audit.verification;

import dev.leeway.audit.ChainAnchor;
import dev.leeway.audit.ChainVerification;
import dev.leeway.audit.verification.VerificationRun.Status;
import dev.leeway.audit.verification.VerificationRun.Trigger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The {@code chain_verification} table: every walk of the chain, readable by every instance that
 * shares the database. Updates only ever move a {@code RUNNING} walk on, so a walk that was marked
 * interrupted stays so.
 */
@Component
class VerificationRuns {

    /**
     * A running walk reports its progress every few seconds (see {@link ChainVerifications}); one
     * silent for this long belongs to an instance that was killed or lost its database.
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RowMapper<VerificationRun> toRun = this::toRun;

    VerificationRuns(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(VerificationRun run) {
        jdbc.update("INSERT INTO chain_verification (verification_id, triggered_by, requested_by, instance, status, "
                + "started_at, heartbeat_at, records_checked) VALUES (?, ?, ?, ?, ?, ?, ?, 0)", run.verificationId(),
                run.triggeredBy().name(), run.requestedBy(), run.instance(), run.status().name(), utc(run.startedAt()), utc(run.startedAt()));
    }

    /** The walk is alive and has come this far; {@code headPosition} is null until it has read the head. */
    void progress(String verificationId, long recordsChecked, Long headPosition) {
        jdbc.update("UPDATE chain_verification SET heartbeat_at = ?, records_checked = ?, head_position = ? "
                + "WHERE verification_id = ? AND status = 'RUNNING'", utc(clock.instant()), recordsChecked, headPosition,
                verificationId);
    }

    /** @param headPosition where the chain ended when the walk began, for a walk that found no intact head */
    void finish(String verificationId, ChainVerification result, Long headPosition) {
        ChainVerification.Break firstBreak = result.firstBreak();
        ChainVerification.Head head = result.head();
        Instant now = clock.instant();
        jdbc.update("UPDATE chain_verification SET status = 'FINISHED', heartbeat_at = ?, finished_at = ?, "
                + "head_position = ?, head_hash = ?, records_checked = ?, intact = ?, break_position = ?, "
                + "break_record_id = ?, break_problem = ? WHERE verification_id = ? AND status = 'RUNNING'", utc(now),
                utc(now), head == null ? headPosition : (Long) head.position(), head == null ? null : head.hash(),
                result.recordsChecked(), result.intact(), firstBreak == null ? null : firstBreak.position(),
                firstBreak == null ? null : firstBreak.recordId(), firstBreak == null ? null : firstBreak.problem(),
                verificationId);
    }

    /** The heads of the latest walks that found the chain intact, latest first. */
    List<ChainAnchor> anchors(int limit) {
        return jdbc.query("SELECT verification_id, finished_at, head_position, head_hash FROM chain_verification "
                + "WHERE status = 'FINISHED' AND intact = TRUE AND head_position > 0 "
                + "ORDER BY verification_id DESC FETCH FIRST ? ROWS ONLY",
                (row, rowNumber) -> new ChainAnchor(row.getLong("head_position"), row.getString("head_hash"),
                        "verification " + row.getString("verification_id") + " at " + instant(row, "finished_at")),
                limit);
    }

    /** The walk ended without a result: {@code FAILED} or {@code INTERRUPTED}, with the reason in words. */
    void abandon(String verificationId, Status status, String failure) {
        Instant now = clock.instant();
        jdbc.update("UPDATE chain_verification SET status = ?, heartbeat_at = ?, finished_at = ?, failure = ? "
                + "WHERE verification_id = ? AND status = 'RUNNING'", status.name(), utc(now), utc(now), failure,
                verificationId);
    }

    /** Every walk the instance had running: at its start, those were cut short by a crash. */
    void abandonRunningOn(String instance, String failure) {
        Instant now = clock.instant();
        jdbc.update("UPDATE chain_verification SET status = 'INTERRUPTED', heartbeat_at = ?, finished_at = ?, failure = ? "
                + "WHERE status = 'RUNNING' AND instance = ?", utc(now), utc(now), failure, instance);
    }

    Optional<VerificationRun> find(String verificationId) {
        return jdbc.query("SELECT * FROM chain_verification WHERE verification_id = ?", toRun, verificationId)
                .stream().findFirst();
    }

    /** Up to {@code limit} walks started before {@code beforeId} (from the latest when null), latest first. */
    List<VerificationRun> newestFirst(String beforeId, int limit) {
        if (beforeId == null) {
            return jdbc.query("SELECT * FROM chain_verification ORDER BY verification_id DESC FETCH FIRST ? ROWS ONLY",
                    toRun, limit);
        }
        return jdbc.query("SELECT * FROM chain_verification WHERE verification_id < ? "
                + "ORDER BY verification_id DESC FETCH FIRST ? ROWS ONLY", toRun, beforeId, limit);
    }

    /** A walk that is running now, on this instance or another, if there is one. */
    Optional<VerificationRun> running() {
        return jdbc.query("SELECT * FROM chain_verification WHERE status = 'RUNNING' AND heartbeat_at > ? "
                + "ORDER BY verification_id DESC FETCH FIRST 1 ROWS ONLY", toRun, utc(clock.instant().minus(ABANDONED_AFTER)))
                .stream().findFirst();
    }

    /** When the latest walk, whatever came of it, was started. */
    Optional<Instant> latestStart() {
        return jdbc.query("SELECT started_at FROM chain_verification ORDER BY verification_id DESC FETCH FIRST 1 ROWS ONLY",
                (row, rowNumber) -> row.getObject("started_at", OffsetDateTime.class).toInstant()).stream().findFirst();
    }

    /** The latest walk that reached the end of the chain. */
    Optional<VerificationRun> latestFinished() {
        return jdbc.query("SELECT * FROM chain_verification WHERE status = 'FINISHED' "
                + "ORDER BY verification_id DESC FETCH FIRST 1 ROWS ONLY", toRun).stream().findFirst();
    }

    private VerificationRun toRun(ResultSet row, int rowNumber) throws SQLException {
        Status status = Status.valueOf(row.getString("status"));
        String failure = row.getString("failure");
        Instant heartbeat = instant(row, "heartbeat_at");
        Instant finishedAt = instant(row, "finished_at");
        if (status == Status.RUNNING && heartbeat.isBefore(clock.instant().minus(ABANDONED_AFTER))) {
            status = Status.INTERRUPTED;
            failure = "no progress was reported after " + heartbeat + ": the instance stopped before the walk ended";
        }
        ChainVerification result = null;
        if (status == Status.FINISHED) {
            Long breakPosition = row.getObject("break_position", Long.class);
            ChainVerification.Break firstBreak = breakPosition == null ? null
                    : new ChainVerification.Break(breakPosition, row.getString("break_record_id"), row.getString("break_problem"));
            String headHash = row.getString("head_hash");
            result = new ChainVerification(row.getBoolean("intact"), row.getLong("records_checked"), firstBreak,
                    headHash == null ? null : new ChainVerification.Head(row.getLong("head_position"), headHash));
        }
        return new VerificationRun(row.getString("verification_id"), Trigger.valueOf(row.getString("triggered_by")),
                row.getString("requested_by"), row.getString("instance"), status, instant(row, "started_at"), finishedAt,
                row.getObject("head_position", Long.class), row.getLong("records_checked"), result, failure);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
