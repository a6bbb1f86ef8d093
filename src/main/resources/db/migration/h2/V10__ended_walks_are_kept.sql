-- A walk of the chain that has ended is kept as it ended: its head is an anchor that later walks
-- check, so removing or changing it would hide a chain hashed anew since. Only a running walk moves on.
CREATE TRIGGER chain_verification_kept BEFORE UPDATE, DELETE ON chain_verification
    FOR EACH ROW CALL 'dev.leeway.audit.verification.H2EndedWalkGuard';
