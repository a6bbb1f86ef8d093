package dev.leeway.audit;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds records for the decision listing and the export. Both read records in chain order along an
 * index and never sort what they found, so a page costs about the same on a log of any size:
 * <ul>
 * <li>a time range becomes a range of positions, read along the primary key (H2 would otherwise
 *     walk every newer record in full to reach a range in the past);
 * <li>a case or an actor reads its own index, which is ordered by position within each case and
 *     actor; the query orders by both columns, the only way H2 notices it need not sort;
 * <li>a rule or an escape is a condition on the record's id arrays: PostgreSQL answers it from GIN
 *     indexes, H2 checks it on each record it reads newest first until the page is full.
 * </ul>
 */
final class RecordSearch {

    /** Positions in [first, end). */
    private record Positions(long first, long end) {

        static final Positions ALL = new Positions(1, Long.MAX_VALUE);

        boolean isEmpty() {
            return first >= end;
        }
    }

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate transactions;
    private final AuditDialect dialect;

    RecordSearch(JdbcTemplate jdbc, JdbcTemplate streaming, TransactionTemplate transactions, AuditDialect dialect) {
        this.jdbc = jdbc;
        this.streaming = streaming;
        this.transactions = transactions;
        this.dialect = dialect;
    }

    List<StoredRecord> decisions(DecisionFilter filter, long beforePosition, int limit) {
        Positions positions = positions(filter.from(), filter.to(), beforePosition);
        if (positions.isEmpty()) {
            return List.of();
        }
        return decisionsAt(filter, positions, limit);
    }

    void stream(ExportSelection selection, Consumer<StoredRecord> consumer) {
        Positions positions = positions(selection.from(), selection.to(), 0);
        if (positions.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> dialect.readMany(jdbc, () -> streamAt(selection, positions, consumer)));
    }

    private void streamAt(ExportSelection selection, Positions positions, Consumer<StoredRecord> consumer) {
        Query query = new Query("SELECT " + JdbcAuditStore.COLUMNS + " FROM audit_record WHERE 1 = 1")
                .within(positions)
                .narrowedTo(selection.caseId(), selection.actor(), selection.from(), selection.to())
                .naming(dialect, selection.rule(), selection.escape())
                .inChainOrder(selection.caseId(), selection.actor(), "ASC");
        streaming.query(query.sql(), (ResultSet row) -> consumer.accept(JdbcAuditStore.toRecord(row, 0)), query.arguments());
    }

    /** Decisions matching the filter at the positions, newest first. */
    private List<StoredRecord> decisionsAt(DecisionFilter filter, Positions positions, int limit) {
        Query query = new Query("SELECT " + JdbcAuditStore.COLUMNS + " FROM audit_record WHERE kind = 'DECISION'")
                .within(positions)
                .narrowedTo(filter.caseId(), filter.actor(), filter.from(), filter.to())
                .naming(dialect, filter.rule(), filter.escape())
                .inChainOrder(filter.caseId(), filter.actor(), "DESC")
                .limit(limit);
        return jdbc.query(query.sql(), JdbcAuditStore::toRecord, query.arguments());
    }

    /**
     * The positions a time range and a cursor leave: an exact bound, as the records of a time range
     * lie between the first and the last position recorded in it (both read from the time index),
     * whatever order their times came in.
     */
    private Positions positions(Instant from, Instant to, long beforePosition) {
        long first = Positions.ALL.first();
        long end = beforePosition > 0 ? beforePosition : Positions.ALL.end();
        if (from != null) {
            Long firstFrom = jdbc.queryForObject("SELECT MIN(chain_position) FROM audit_record WHERE recorded_at >= ?",
                    Long.class, utc(from));
            first = firstFrom == null ? Long.MAX_VALUE : firstFrom;
        }
        if (to != null) {
            Long lastBefore = jdbc.queryForObject("SELECT MAX(chain_position) FROM audit_record WHERE recorded_at < ?",
                    Long.class, utc(to));
            end = Math.min(end, lastBefore == null ? 0 : lastBefore + 1);
        }
        return new Positions(first, end);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A query's text and its parameters, built up condition by condition. */
    private static final class Query {

        private final StringBuilder sql;
        private final List<Object> arguments = new ArrayList<>();

        Query(String select) {
            this.sql = new StringBuilder(select);
        }

        Query and(String condition, Object argument) {
            sql.append(" AND ").append(condition);
            arguments.add(argument);
            return this;
        }

        /** Only bounds that bound something: H2 would otherwise prefer the primary key to a narrower index. */
        Query within(Positions positions) {
            if (positions.first() > Positions.ALL.first()) {
                and("chain_position >= ?", positions.first());
            }
            if (positions.end() < Positions.ALL.end()) {
                and("chain_position < ?", positions.end());
            }
            return this;
        }

        Query narrowedTo(String caseId, String actor, Instant from, Instant to) {
            if (caseId != null) {
                and("case_id = ?", caseId);
            }
            if (actor != null) {
                and("actor_id = ?", actor);
            }
            if (from != null) {
                and("recorded_at >= ?", utc(from));
            }
            if (to != null) {
                and("recorded_at < ?", utc(to));
            }
            return this;
        }

        /** Records whose arrays name the rule and the escape, where given. */
        Query naming(AuditDialect dialect, String rule, String escape) {
            if (rule != null) {
                and(dialect.arrayContains("rule_ids"), rule);
            }
            if (escape != null) {
                and(dialect.arrayContains("escape_ids"), escape);
            }
            return this;
        }

        /** Along the index of the case or the actor asked for, whose leading column is then the same in every row. */
        Query inChainOrder(String caseId, String actor, String direction) {
            String leading = caseId != null ? "case_id" : actor != null ? "actor_id" : null;
            sql.append(" ORDER BY ");
            if (leading != null) {
                sql.append(leading).append(' ').append(direction).append(", ");
            }
            sql.append("chain_position ").append(direction);
            return this;
        }

        Query limit(int limit) {
            sql.append(" FETCH FIRST ? ROWS ONLY");
            arguments.add(limit);
            return this;
        }

        String sql() {
            return sql.toString();
        }

        Object[] arguments() {
            return arguments.toArray();
        }
    }
}
