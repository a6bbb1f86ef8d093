-- The rules that fired and the escapes a record names move onto the record itself. As rows of their
-- own they cost more than the rest of an audit write together (a decision fires fifteen or more
-- rules, each one more row and undo-log entry in H2). Filters by rule or escape walk the log from
-- the newest record, as they did before (V4), now without a lookup per record.
ALTER TABLE audit_record ADD COLUMN rule_ids VARCHAR(200) ARRAY;
ALTER TABLE audit_record ADD COLUMN escape_ids VARCHAR(200) ARRAY;

-- Filling the new columns is the one change to existing records this migration makes; the columns
-- are not part of any record's hash (its payload names the same rules and escapes).
DROP TRIGGER audit_record_append_only;
UPDATE audit_record r SET
    rule_ids = ARRAY(SELECT rule_id FROM audit_record_rule f WHERE f.chain_position = r.chain_position ORDER BY rule_id),
    escape_ids = ARRAY(SELECT escape_id FROM audit_record_escape e WHERE e.chain_position = r.chain_position ORDER BY escape_id);
CREATE TRIGGER audit_record_append_only BEFORE UPDATE, DELETE ON audit_record
    FOR EACH ROW CALL 'dev.leeway.audit.H2AppendOnlyGuard';

DROP TABLE audit_record_rule;
DROP TABLE audit_record_escape;
