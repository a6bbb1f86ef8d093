package dev.leeway.escape;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code escape_use} table: every use of an escape, with where its review stands. It finds uses
 * for the review queue and for auditors; the audit log holds each use as it was recorded.
 */
@Component
public class EscapeUseTable {

    private final JdbcTemplate jdbc;

    public EscapeUseTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(EscapeUse use) {
        jdbc.update("INSERT INTO escape_use (invocation_id, decision_id, escape_id, case_id, invoked_by, asserted_by, "
                + "justification, reviewer_role, invoked_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                use.invocationId(), use.decisionId(), use.escapeId(), use.caseId(), use.invokedBy(), use.assertedBy(),
                use.justification(), use.reviewerRole(),
                utc(use.invokedAt()), use.status());
    }

    /**
     * @param locked until the surrounding transaction ends, so that two reviews cannot both settle it
     */
    Optional<EscapeUse> find(String invocationId, boolean locked) {
        return jdbc.query("SELECT * FROM escape_use WHERE invocation_id = ?" + (locked ? " FOR UPDATE" : ""),
                EscapeUseTable::toUse, invocationId).stream().findFirst();
    }

    void settle(EscapeUse reviewed) {
        jdbc.update("UPDATE escape_use SET status = ?, reviewed_by = ?, note = ?, reviewed_at = ? WHERE invocation_id = ?",
                reviewed.status(), reviewed.reviewedBy(), reviewed.note(), utc(reviewed.reviewedAt()),
                reviewed.invocationId());
    }

    /** Up to {@code limit} matching uses made after {@code after} (from the first when null), oldest first. */
    List<EscapeUse> oldestFirst(UseCriteria criteria, UsePosition after, int limit) {
        return select(criteria, after, ">", "ASC", limit);
    }

    /** Up to {@code limit} matching uses made before {@code before} (from the latest when null), newest first. */
    List<EscapeUse> newestFirst(UseCriteria criteria, UsePosition before, int limit) {
        return select(criteria, before, "<", "DESC", limit);
    }

    private List<EscapeUse> select(UseCriteria criteria, UsePosition position, String beyond, String order, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM escape_use WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        equal(sql, arguments, "status", criteria.status());
        equal(sql, arguments, "reviewer_role", criteria.reviewerRole());
        equal(sql, arguments, "escape_id", criteria.escapeId());
        equal(sql, arguments, "case_id", criteria.caseId());
        equal(sql, arguments, "invoked_by", criteria.invokedBy());
        if (criteria.from() != null) {
            sql.append(" AND invoked_at >= ?");
            arguments.add(utc(criteria.from()));
        }
        if (criteria.to() != null) {
            sql.append(" AND invoked_at < ?");
            arguments.add(utc(criteria.to()));
        }
        if (position != null) {
            sql.append(" AND (invoked_at, invocation_id) ").append(beyond).append(" (?, ?)");
            arguments.add(utc(position.invokedAt()));
            arguments.add(position.invocationId());
        }
        sql.append(" ORDER BY invoked_at ").append(order).append(", invocation_id ").append(order)
                .append(" FETCH FIRST ? ROWS ONLY");
        arguments.add(limit);
        return jdbc.query(sql.toString(), EscapeUseTable::toUse, arguments.toArray());
    }

    private static void equal(StringBuilder sql, List<Object> arguments, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            arguments.add(value);
        }
    }

    private static EscapeUse toUse(ResultSet row, int rowNumber) throws SQLException {
        OffsetDateTime reviewedAt = row.getObject("reviewed_at", OffsetDateTime.class);
        return new EscapeUse(row.getString("invocation_id"), row.getString("decision_id"), row.getString("escape_id"),
                row.getString("case_id"), row.getString("invoked_by"), row.getString("asserted_by"), row.getString("justification"),
                null,
                row.getString("reviewer_role"), row.getObject("invoked_at", OffsetDateTime.class).toInstant(),
                row.getString("status"), row.getString("reviewed_by"), row.getString("note"),
                reviewedAt == null ? null : reviewedAt.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
