-- The block index of rules and escapes is only ever added to: deleting or moving a row would hide
-- decisions from the rule and escape filters, though not from the export or a walk of the chain.
CREATE TRIGGER audit_term_block_append_only BEFORE UPDATE, DELETE ON audit_term_block
    FOR EACH ROW CALL 'dev.leeway.audit.H2TermBlockGuard';
