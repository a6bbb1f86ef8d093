-- H2 only. H2's store rewrites every index page a commit touches. An index by rule id puts each
-- commit's rows on as many pages as different rules fired, which made that index cost more than
-- the rest of the audit write together. Keyed by record instead, a commit appends to one page at
-- the end. A "which decisions fired rule X" query then walks the log from the newest record and
-- looks each one up here: quick for rules that fire often, a full walk for a rule that never
-- fired. PostgreSQL updates index pages in place and keeps its index by rule (see V1).
DROP INDEX audit_record_rule_by_rule;
ALTER TABLE audit_record_rule ADD CONSTRAINT audit_record_rule_key PRIMARY KEY (chain_position, rule_id);

DROP INDEX audit_record_escape_by_escape;
ALTER TABLE audit_record_escape ADD CONSTRAINT audit_record_escape_key PRIMARY KEY (chain_position, escape_id);
