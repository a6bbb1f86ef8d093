-- No caller is trusted: each use of an escape names the authenticated client that asserted its
-- actor, and each walk of the chain the caller that asked for it. Older rows came before callers
-- were authenticated and stay without.
ALTER TABLE escape_use ADD COLUMN asserted_by VARCHAR(300);
ALTER TABLE chain_verification ADD COLUMN requested_by VARCHAR(300);
