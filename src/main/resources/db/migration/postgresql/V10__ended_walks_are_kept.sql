-- A walk of the chain that has ended is kept as it ended: its head is an anchor that later walks
-- check, so removing or changing it would hide a chain hashed anew since. Only a running walk moves on.
CREATE FUNCTION leeway_keep_ended_walk() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status <> 'RUNNING' THEN
        RAISE EXCEPTION 'Leeway keeps every walk of the audit chain once it has ended: % of verification % refused',
            TG_OP, OLD.verification_id;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER chain_verification_kept BEFORE UPDATE OR DELETE ON chain_verification
    FOR EACH ROW EXECUTE FUNCTION leeway_keep_ended_walk();
CREATE TRIGGER chain_verification_no_truncate BEFORE TRUNCATE ON chain_verification
    FOR EACH STATEMENT EXECUTE FUNCTION leeway_refuse_change();
