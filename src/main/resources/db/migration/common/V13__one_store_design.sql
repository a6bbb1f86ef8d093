-- One store design: H2 no longer keeps the blocks of rules and escapes (V8, V11); its filters by
-- rule and escape check each record's id arrays, as PostgreSQL's do from their GIN indexes. The
-- table goes, and its trigger with it. PostgreSQL never had it.
DROP TABLE IF EXISTS audit_term_block;
