package dev.leeway.audit;

/**
 * Named by the trigger that migration V11 puts on {@code audit_term_block}, so a new database can
 * still run V11 before V13 drops the table; nothing fires it since.
 */
public class H2TermBlockGuard extends H2AppendOnlyGuard {}
