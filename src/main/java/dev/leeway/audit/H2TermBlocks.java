package dev.leeway.audit;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * On H2, which blocks of {@value #BLOCK} consecutive chain positions hold a record naming a rule
 * (it fired) or an escape (it was offered or used): table {@code audit_term_block}. Without it the
 * decision listing's rule and escape filters read every record in full until they have a page, which
 * on 540,000 decisions took 16 to 26 seconds for a rule that seldom fires. With it they read only
 * the blocks that can hold a match. One row per rule or escape and block, not one per record, so
 * writing it costs a few rows per hundred decisions. PostgreSQL answers the same filters from GIN
 * indexes and has no such table.
 *
 * <p>A block listed for a term may hold no decision with it (the term was on another kind of
 * record); a block not listed never does. Changing {@value #BLOCK} means filling the table again.
 */
final class H2TermBlocks {

    static final int BLOCK = 256;

    static final String RULE = "RULE";
    static final String ESCAPE = "ESCAPE";

    private record Term(String kind, String id, long block) {}

    private final JdbcTemplate jdbc;
    /** Terms whose rows are committed, for the newest block written; a rolled-back batch adds none. */
    private final Set<Term> committed = new HashSet<>();
    private long committedBlock = -1;

    H2TermBlocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static long blockOf(long position) {
        return Math.floorDiv(position, BLOCK);
    }

    /**
     * Adds the blocks of records being inserted, in the inserting transaction. Rows this process
     * has seen committed are not written again; after a restart or a rollback they are merged.
     */
    void record(List<AuditJournal.Entry> entries) {
        Set<Term> terms = new LinkedHashSet<>();
        for (AuditJournal.Entry entry : entries) {
            long block = blockOf(entry.record().position());
            entry.ruleIds().forEach(id -> terms.add(new Term(RULE, id, block)));
            entry.escapeIds().forEach(id -> terms.add(new Term(ESCAPE, id, block)));
        }
        List<Term> fresh = unseen(terms);
        if (fresh.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("MERGE INTO audit_term_block (term_kind, term_id, block) KEY (term_kind, term_id, block) "
                + "VALUES (?, ?, ?)", fresh, fresh.size(), (statement, term) -> {
                    statement.setString(1, term.kind());
                    statement.setString(2, term.id());
                    statement.setLong(3, term.block());
                });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed(fresh);
                }
            });
        }
    }

    private synchronized List<Term> unseen(Set<Term> terms) {
        return terms.stream().filter(term -> !committed.contains(term)).toList();
    }

    private synchronized void committed(List<Term> terms) {
        for (Term term : terms) {
            if (term.block() > committedBlock) {
                // Appends only move forward: an older block is never written to again.
                committed.clear();
                committedBlock = term.block();
            }
            if (term.block() == committedBlock) {
                committed.add(term);
            }
        }
    }

    /** How many blocks from {@code lowestBlock} to {@code highestBlock} hold the term. */
    long countBlocksWith(String kind, String id, long lowestBlock, long highestBlock) {
        Long counted = jdbc.queryForObject("SELECT COUNT(*) FROM audit_term_block WHERE term_kind = ? AND term_id = ? "
                + "AND block >= ? AND block <= ?", Long.class, kind, id, lowestBlock, highestBlock);
        return counted == null ? 0 : counted;
    }

    /**
     * Blocks from {@code lowestBlock} to {@code highestBlock} that hold the term, newest or oldest
     * first, at most {@code limit}.
     */
    List<Long> blocksWith(String kind, String id, long lowestBlock, long highestBlock, int limit, boolean newestFirst) {
        return jdbc.queryForList("SELECT block FROM audit_term_block WHERE term_kind = ? AND term_id = ? "
                + "AND block >= ? AND block <= ? ORDER BY block " + (newestFirst ? "DESC" : "ASC") + " FETCH FIRST ? ROWS ONLY",
                Long.class, kind, id, lowestBlock, highestBlock, limit);
    }
}
