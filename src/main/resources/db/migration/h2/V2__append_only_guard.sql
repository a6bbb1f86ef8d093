-- Audit records cannot be changed or deleted, whoever connects: the database refuses it.
CREATE TRIGGER audit_record_append_only BEFORE UPDATE, DELETE ON audit_record
    FOR EACH ROW CALL 'dev.leeway.audit.H2AppendOnlyGuard';
CREATE TRIGGER audit_record_rule_append_only BEFORE UPDATE, DELETE ON audit_record_rule
    FOR EACH ROW CALL 'dev.leeway.audit.H2AppendOnlyGuard';
CREATE TRIGGER audit_record_escape_append_only BEFORE UPDATE, DELETE ON audit_record_escape
    FOR EACH ROW CALL 'dev.leeway.audit.H2AppendOnlyGuard';
CREATE TRIGGER rule_set_version_append_only BEFORE UPDATE, DELETE ON rule_set_version
    FOR EACH ROW CALL 'dev.leeway.audit.H2AppendOnlyGuard';
