-- The rules that fired and the escapes a record names move onto the record itself: one row per
-- record instead of twenty, with GIN indexes for the filters by rule and by escape.
ALTER TABLE audit_record ADD COLUMN rule_ids VARCHAR(200)[];
ALTER TABLE audit_record ADD COLUMN escape_ids VARCHAR(200)[];

-- Filling the new columns is the one change to existing records this migration makes; the columns
-- are not part of any record's hash (its payload names the same rules and escapes).
ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only;
UPDATE audit_record r SET
    rule_ids = ARRAY(SELECT rule_id FROM audit_record_rule f WHERE f.chain_position = r.chain_position ORDER BY rule_id),
    escape_ids = ARRAY(SELECT escape_id FROM audit_record_escape e WHERE e.chain_position = r.chain_position ORDER BY escape_id);
ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only;

CREATE INDEX audit_record_by_rule ON audit_record USING GIN (rule_ids);
CREATE INDEX audit_record_by_escape ON audit_record USING GIN (escape_ids);

DROP TABLE audit_record_rule;
DROP TABLE audit_record_escape;
