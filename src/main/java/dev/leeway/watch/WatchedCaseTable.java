package dev.leeway.watch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code watched_case} table. Every write but the claim and the park runs beside an audit
 * record, in the audit writer's transaction, and says whether the row was still as its writer read
 * it: a write that finds it changed writes nothing, so that its decision is not recorded either.
 */
@Component
class WatchedCaseTable {

    private static final String COLUMNS = "case_id, revision, request, last_decision_id, last_decision, "
            + "last_evaluated_at, next_evaluation_at, next_brings, claimed_by";

    private final JdbcTemplate jdbc;

    WatchedCaseTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WatchRow> find(String caseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM watched_case WHERE case_id = ?", WatchedCaseTable::toRow, caseId)
                .stream().findFirst();
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM watched_case", Long.class);
        return count == null ? 0 : count;
    }

    /** @return false if the case is watched already (another PUT came first) */
    boolean insert(String caseId, String request, Recorded decision, Instant now) {
        if (find(caseId).isPresent()) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO watched_case (case_id, revision, request, last_decision_id, last_decision, "
                + "last_evaluated_at, next_evaluation_at, next_brings, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)",
                caseId, request, decision.id(), decision.json(), utc(decision.evaluatedAt()), utc(decision.nextAt()),
                decision.nextBrings(), utc(now));
        } catch (DuplicateKeyException insertedMeanwhile) {
            return false;
        }
        return true;
    }

    /**
     * A new revision of the case from the helpdesk; its timer starts afresh, whoever had claimed it.
     *
     * @return false if the row is no longer at the revision and decision its writer read
     */
    boolean replace(WatchRow read, String request, Recorded decision, Instant now) {
        return jdbc.update("UPDATE watched_case SET revision = revision + 1, request = ?, last_decision_id = ?, "
                + "last_decision = ?, last_evaluated_at = ?, next_evaluation_at = ?, next_brings = ?, claimed_by = NULL, "
                + "claim_expires_at = NULL, updated_at = ? WHERE case_id = ? AND revision = ? AND last_decision_id = ?",
                request, decision.id(), decision.json(), utc(decision.evaluatedAt()), utc(decision.nextAt()),
                decision.nextBrings(), utc(now), read.caseId(), read.revision(), read.lastDecisionId()) == 1;
    }

    /**
     * The timer fired: the row moves on to its next instant and is free again.
     *
     * @return false unless this instance still holds the claim on this very instant of this revision
     *         (another instance took over an expired claim and fired it, or a PUT came meanwhile)
     */
    boolean advance(WatchRow claimed, String instance, Recorded decision, Instant now) {
        return jdbc.update("UPDATE watched_case SET last_decision_id = ?, last_decision = ?, last_evaluated_at = ?, "
                + "next_evaluation_at = ?, next_brings = ?, claimed_by = NULL, claim_expires_at = NULL, updated_at = ? "
                + "WHERE case_id = ? AND claimed_by = ? AND revision = ? AND next_evaluation_at = ?",
                decision.id(), decision.json(), utc(decision.evaluatedAt()), utc(decision.nextAt()), decision.nextBrings(),
                utc(now), claimed.caseId(), instance, claimed.revision(), utc(claimed.nextEvaluationAt())) == 1;
    }

    /**
     * The claimed timer cannot fire (the case's request no longer reads): the row keeps the case and
     * its last decision but waits, with no next instant, for the helpdesk to send the case again.
     * Nothing is decided, so nothing is recorded beside it.
     *
     * @return false unless this instance still holds the claim on this very instant of this revision
     */
    boolean park(WatchRow claimed, String instance, Instant now) {
        return jdbc.update("UPDATE watched_case SET next_evaluation_at = NULL, next_brings = '[]', claimed_by = NULL, "
                + "claim_expires_at = NULL, updated_at = ? WHERE case_id = ? AND claimed_by = ? AND revision = ? "
                + "AND next_evaluation_at = ?", utc(now), claimed.caseId(), instance, claimed.revision(),
                utc(claimed.nextEvaluationAt())) == 1;
    }

    /** @return false if the row is no longer as its writer read it */
    boolean end(WatchRow read) {
        return jdbc.update("DELETE FROM watched_case WHERE case_id = ? AND revision = ? AND last_decision_id = ?",
                read.caseId(), read.revision(), read.lastDecisionId()) == 1;
    }

    boolean delete(String caseId) {
        return jdbc.update("DELETE FROM watched_case WHERE case_id = ?", caseId) == 1;
    }

    /**
     * Locks due timers that no live claim holds, skipping rows another instance is claiming this very
     * moment, and marks them this instance's until {@code expires}. Runs in the caller's transaction,
     * which should be short: the locks last until it ends, the claims until they expire or are fired.
     * (H2 skips more than the locked rows while another claim is under way; it serves one instance,
     * whose next look finds them.)
     */
    List<WatchRow> claimDue(Instant now, String instance, Instant expires, int limit) {
        List<WatchRow> due = jdbc.query("SELECT " + COLUMNS + " FROM watched_case WHERE next_evaluation_at <= ? "
                + "AND (claim_expires_at IS NULL OR claim_expires_at < ?) ORDER BY next_evaluation_at "
                + "FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED", WatchedCaseTable::toRow, utc(now), utc(now), limit);
        if (due.isEmpty()) {
            return due;
        }
        String placeholders = String.join(", ", Collections.nCopies(due.size(), "?"));
        jdbc.update("UPDATE watched_case SET claimed_by = ?, claim_expires_at = ? WHERE case_id IN (" + placeholders + ")",
                Stream.concat(Stream.of(instance, utc(expires)), due.stream().map(WatchRow::caseId)).toArray());
        return due;
    }

    private static WatchRow toRow(ResultSet row, int rowNumber) throws SQLException {
        return new WatchRow(row.getString("case_id"), row.getLong("revision"), row.getString("request"),
                row.getString("last_decision_id"), row.getString("last_decision"),
                instant(row.getObject("last_evaluated_at", OffsetDateTime.class)),
                instant(row.getObject("next_evaluation_at", OffsetDateTime.class)), row.getString("next_brings"),
                row.getString("claimed_by"));
    }

    /** A decision as the table keeps it, with when it expects the case to change next. */
    record Recorded(String id, String json, Instant evaluatedAt, Instant nextAt, String nextBrings) {}

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
