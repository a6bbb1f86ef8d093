-- Watched cases: the helpdesk sends a case whenever it changes, and Leeway decides it again at each
-- instant its decision would change. The request is kept as sent, unmasked, because it must be
-- decided again; the audit log keeps each decision, masked as usual. A row is a durable timer:
-- next_evaluation_at is when it fires, claimed_by and claim_expires_at say which instance has
-- taken it and until when (docs/watched-cases.md, docs/adr/0005-durable-timers-claimed-with-skip-locked.md).
CREATE TABLE watched_case (
    case_id            VARCHAR(200)             PRIMARY KEY,
    revision           BIGINT                   NOT NULL,   -- bumped by every PUT
    request            TEXT                     NOT NULL,   -- {"case": …, "actor": …} as sent
    last_decision_id   VARCHAR(36)              NOT NULL,
    last_decision      TEXT                     NOT NULL,   -- the decision as answered and recorded
    last_evaluated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    next_evaluation_at TIMESTAMP WITH TIME ZONE,            -- null: nothing will change by itself
    next_brings        TEXT                     NOT NULL,   -- JSON list of the events expected then
    claimed_by         VARCHAR(200),
    claim_expires_at   TIMESTAMP WITH TIME ZONE,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX watched_case_by_next_evaluation ON watched_case (next_evaluation_at);
