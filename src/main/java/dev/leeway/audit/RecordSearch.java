package dev.leeway.audit;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
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

    /** A rule or an escape that records must name, as the H2 block index keys it. */
    private record Term(String kind, String id) {

        /** The rule when both are asked for, or none when neither is. */
        static Term of(String rule, String escape) {
            if (rule != null) {
                return new Term(H2TermBlocks.RULE, rule);
            }
            return escape == null ? null : new Term(H2TermBlocks.ESCAPE, escape);
        }
    }

    List<StoredRecord> decisions(DecisionFilter filter, long beforePosition, int limit) {
        Positions positions = positions(filter.from(), filter.to(), beforePosition);
        if (positions.isEmpty()) {
            return List.of();
        }
        Term term = Term.of(filter.rule(), filter.escape());
        if (!readsBlocks(term, filter.caseId(), filter.actor(), positions)) {
            return decisionsAt(filter, positions, limit);
        }
        List<StoredRecord> found = new ArrayList<>();
        eachBlockWith(term, positions, true, inBlock -> {
            found.addAll(decisionsAt(filter, inBlock, limit - found.size()));
            return found.size() < limit;
        });
        return found;
    }

    void stream(ExportSelection selection, Consumer<StoredRecord> consumer) {
        Positions positions = positions(selection.from(), selection.to(), 0);
        if (positions.isEmpty()) {
            return;
        }
        Term term = Term.of(selection.rule(), selection.escape());
        transactions.executeWithoutResult(status -> database.readMany(jdbc, () -> {
            if (readsBlocks(term, selection.caseId(), selection.actor(), positions)) {
                eachBlockWith(term, positions, false, inBlock -> {
                    streamAt(selection, inBlock, consumer);
                    return true;
                });
            } else {
                streamAt(selection, positions, consumer);
            }
        }));
    }

    private void streamAt(ExportSelection selection, Positions positions, Consumer<StoredRecord> consumer) {
        Query query = new Query("SELECT " + JdbcAuditStore.COLUMNS + " FROM audit_record WHERE 1 = 1")
                .within(positions)
                .narrowedTo(selection.caseId(), selection.actor(), selection.from(), selection.to())
                .naming(database, selection.rule(), selection.escape())
                .inChainOrder(selection.caseId(), selection.actor(), "ASC");
        streaming.query(query.sql(), (ResultSet row) -> consumer.accept(JdbcAuditStore.toRecord(row, 0)), query.arguments());
    }

    /**
     * On H2, by rule or escape: whether to read only the blocks that can hold the term. Not when a
     * case or actor asked for has fewer records than there are such blocks: reading its own records
     * one by one is then cheaper than a query per block. Otherwise a busy actor and a rare rule
     * would read every one of the actor's records (15 s for 348,000), where the blocks read only the
     * few that can match.
     */
    private boolean readsBlocks(Term term, String caseId, String actor, Positions positions) {
        if (termBlocks == null || term == null) {
            return false;
        }
        String column = caseId != null ? "case_id" : actor != null ? "actor_id" : null;
        if (column == null) {
            return true;
        }
        long blocks = termBlocks.countBlocksWith(term.kind(), term.id(),
                H2TermBlocks.blockOf(positions.first()), H2TermBlocks.blockOf(positions.end() - 1));
        Query own = new Query("SELECT chain_position FROM audit_record WHERE 1 = 1")
                .and(column + " = ?", caseId != null ? caseId : actor)
                .within(positions)
                .limit(Math.toIntExact(Math.min(blocks, Integer.MAX_VALUE - 1)) + 1);
        Long counted = jdbc.queryForObject("SELECT COUNT(*) FROM (" + own.sql() + ") AS own_records", Long.class,
                own.arguments());
        return counted == null || counted > blocks;
    }

    /**
     * H2: the positions of each block that can hold the term, newest first or in chain order, until
     * {@code visit} has had enough.
     */
    private void eachBlockWith(Term term, Positions positions, boolean newestFirst, Predicate<Positions> visit) {
        long lowest = H2TermBlocks.blockOf(positions.first());
        long highest = H2TermBlocks.blockOf(positions.end() - 1);
        while (highest >= lowest) {
            List<Long> blocks = termBlocks.blocksWith(term.kind(), term.id(), lowest, highest, BLOCKS_PER_LOOKUP, newestFirst);
            for (long block : blocks) {
                Positions inBlock = new Positions(Math.max(positions.first(), block * H2TermBlocks.BLOCK),
                        Math.min(positions.end(), (block + 1) * H2TermBlocks.BLOCK));
                if (!visit.test(inBlock)) {
                    return;
                }
            }
            if (blocks.size() < BLOCKS_PER_LOOKUP) {
                return;
            }
            long last = blocks.get(blocks.size() - 1);
            if (newestFirst) {
                highest = last - 1;
            } else {
                lowest = last + 1;
            }
        }
    }

    /** Decisions matching the filter at the positions, newest first. */
    private List<StoredRecord> decisionsAt(DecisionFilter filter, Positions positions, int limit) {
        Query query = new Query("SELECT " + JdbcAuditStore.COLUMNS + " FROM audit_record WHERE kind = 'DECISION'")
                .within(positions)
                .narrowedTo(filter.caseId(), filter.actor(), filter.from(), filter.to())
                .naming(database, filter.rule(), filter.escape())
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
        Query naming(AuditDatabase database, String rule, String escape) {
            if (rule != null) {
                and(database.arrayContains("rule_ids"), rule);
            }
            if (escape != null) {
                and(database.arrayContains("escape_ids"), escape);
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
