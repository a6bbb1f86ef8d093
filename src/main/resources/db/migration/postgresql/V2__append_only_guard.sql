-- Audit records cannot be changed or deleted, whoever connects: the database refuses it.
CREATE FUNCTION leeway_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Leeway audit records are append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION leeway_refuse_change();
CREATE TRIGGER audit_record_rule_append_only BEFORE UPDATE OR DELETE ON audit_record_rule
    FOR EACH ROW EXECUTE FUNCTION leeway_refuse_change();
CREATE TRIGGER audit_record_escape_append_only BEFORE UPDATE OR DELETE ON audit_record_escape
    FOR EACH ROW EXECUTE FUNCTION leeway_refuse_change();
CREATE TRIGGER rule_set_version_append_only BEFORE UPDATE OR DELETE ON rule_set_version
    FOR EACH ROW EXECUTE FUNCTION leeway_refuse_change();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION leeway_refuse_change();
