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
 * <li>on H2, a rule or an escape reads only the blocks that can hold it ({@link H2TermBlocks}),
 *     also with a case or an actor, unless those have fewer records than there are such blocks;
 *     PostgreSQL answers those from GIN indexes.
 * </ul>
 */
final class RecordSearch {

    /** How many candidate blocks the H2 rule and escape filters look up at a time. */
    private static final int BLOCKS_PER_LOOKUP = 64;

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
    private final AuditDatabase database;
    /** Null on PostgreSQL. */
    private final H2TermBlocks termBlocks;

    RecordSearch(JdbcTemplate jdbc, JdbcTemplate streaming, TransactionTemplate transactions, AuditDatabase database,
            H2TermBlocks termBlocks) {
        this.jdbc = jdbc;
        this.streaming = streaming;
        this.transactions = transactions;
        this.database = database;
        this.termBlocks = termBlocks;
    }

    List<StoredRecord> decisions(DecisionFilter filter, long beforePosition, int limit) {
        Positions positions = positions(filter.from(), filter.to(), beforePosition);
        if (positions.isEmpty()) {
            return List.of();
        }
        boolean byTerm = filter.rule() != null || filter.escape() != null;
        if (termBlocks != null && byTerm && !fewerOwnRecordsThanBlocksWithTerm(filter, positions)) {
            return decisionsInBlocksWithTerm(filter, positions, limit);
        }
        return decisionsAt(filter, positions, limit);
    }

    /**
     * H2, by rule or escape and also by case or actor: whether that case or actor has fewer records
     * than there are blocks that can hold the rule or escape. Reading its own records one by one is
     * then cheaper than a query per block; otherwise a busy actor and a rare rule would read every
     * one of the actor's records (15 s for 348,000), where the blocks read only the few that can match.
     */
    private boolean fewerOwnRecordsThanBlocksWithTerm(DecisionFilter filter, Positions positions) {
        String column = filter.caseId() != null ? "case_id" : filter.actor() != null ? "actor_id" : null;
        if (column == null) {
            return false;
        }
        long blocks = termBlocks.countBlocksWith(termKind(filter), termId(filter),
                H2TermBlocks.blockOf(positions.first()), H2TermBlocks.blockOf(positions.end() - 1));
        Query own = new Query("SELECT chain_position FROM audit_record WHERE 1 = 1")
                .and(column + " = ?", filter.caseId() != null ? filter.caseId() : filter.actor())
                .within(positions)
                .limit(Math.toIntExact(Math.min(blocks, Integer.MAX_VALUE - 1)) + 1);
        Long counted = jdbc.queryForObject("SELECT COUNT(*) FROM (" + own.sql() + ") AS own_records", Long.class,
                own.arguments());
        return counted != null && counted <= blocks;
    }

    private static String termKind(DecisionFilter filter) {
        return filter.rule() != null ? H2TermBlocks.RULE : H2TermBlocks.ESCAPE;
    }

    private static String termId(DecisionFilter filter) {
        return filter.rule() != null ? filter.rule() : filter.escape();
    }

    void stream(ExportSelection selection, Consumer<StoredRecord> consumer) {
        Positions positions = positions(selection.from(), selection.to(), 0);
        if (positions.isEmpty()) {
            return;
        }
        Query query = new Query("SELECT " + JdbcAuditStore.COLUMNS + " FROM audit_record WHERE 1 = 1")
                .within(positions)
                .narrowedTo(selection.caseId(), selection.actor(), selection.from(), selection.to())
                .inChainOrder(selection.caseId(), selection.actor(), "ASC");
        transactions.executeWithoutResult(status -> database.readMany(jdbc, () -> streaming.query(query.sql(),
                (ResultSet row) -> consumer.accept(JdbcAuditStore.toRecord(row, 0)), query.arguments())));
    }

    /** H2, by rule or escape: reads only the blocks that can hold a match, newest first, until the page is full. */
    private List<StoredRecord> decisionsInBlocksWithTerm(DecisionFilter filter, Positions positions, int limit) {
        String kind = termKind(filter);
        String id = termId(filter);
        long lowest = H2TermBlocks.blockOf(positions.first());
        long highest = H2TermBlocks.blockOf(positions.end() - 1);
        List<StoredRecord> found = new ArrayList<>();
        while (found.size() < limit && highest >= lowest) {
            List<Long> blocks = termBlocks.blocksWith(kind, id, lowest, highest, BLOCKS_PER_LOOKUP);
            for (long block : blocks) {
                Positions inBlock = new Positions(Math.max(positions.first(), block * H2TermBlocks.BLOCK),
                        Math.min(positions.end(), (block + 1) * H2TermBlocks.BLOCK));
                found.addAll(decisionsAt(filter, inBlock, limit - found.size()));
                if (found.size() >= limit) {
                    break;
                }
            }
            if (blocks.size() < BLOCKS_PER_LOOKUP) {
                break;
            }
            highest = blocks.get(blocks.size() - 1) - 1;
        }
        return found;
    }

    /** Decisions matching the filter at the positions, newest first. */
    private List<StoredRecord> decisionsAt(DecisionFilter filter, Positions positions, int limit) {
        Query query = new Query("SELECT " + JdbcAuditStore.COLUMNS + " FROM audit_record WHERE kind = 'DECISION'")
                .within(positions)
                .narrowedTo(filter.caseId(), filter.actor(), filter.from(), filter.to());
        if (filter.rule() != null) {
            query.and(database.arrayContains("rule_ids"), filter.rule());
        }
        if (filter.escape() != null) {
            query.and(database.arrayContains("escape_ids"), filter.escape());
        }
        query.inChainOrder(filter.caseId(), filter.actor(), "DESC").limit(limit);
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
