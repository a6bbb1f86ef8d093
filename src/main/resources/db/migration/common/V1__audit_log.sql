-- Leeway's audit log: append-only, hash-chained records of every decision, escape invocation
-- and review, plus the rule-set contents of every version that ever decided.

CREATE TABLE rule_set_version (
    version           VARCHAR(80)              PRIMARY KEY,
    files             TEXT                     NOT NULL,   -- JSON: [{"path": …, "content": …}]
    first_recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row: the end of the chain. Appends lock it, so writers on any number of instances sharing
-- the database extend the chain one after another and positions stay contiguous.
CREATE TABLE audit_chain_head (
    id             INT         PRIMARY KEY,
    chain_position BIGINT      NOT NULL,
    hash           VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, chain_position, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_record (
    chain_position   BIGINT                   PRIMARY KEY,  -- contiguous from 1: a gap is a deleted record
    record_id        VARCHAR(36)              NOT NULL UNIQUE,
    kind             VARCHAR(32)              NOT NULL,     -- DECISION, ESCAPE_INVOCATION, ESCAPE_REVIEW
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    case_id          VARCHAR(200),
    actor_id         VARCHAR(200),
    rule_set_version VARCHAR(80),
    subject_id       VARCHAR(36),                           -- the decision (or invocation) a record is about
    payload          TEXT                     NOT NULL,     -- JSON exactly as hashed
    prev_hash        VARCHAR(64)              NOT NULL,
    hash             VARCHAR(64)              NOT NULL
);
CREATE INDEX audit_record_case ON audit_record (case_id, chain_position);
CREATE INDEX audit_record_actor ON audit_record (actor_id, chain_position);
CREATE INDEX audit_record_time ON audit_record (recorded_at, chain_position);
CREATE INDEX audit_record_subject ON audit_record (subject_id);

CREATE TABLE audit_record_rule (
    chain_position BIGINT NOT NULL,
    rule_id  VARCHAR(200) NOT NULL
);
CREATE INDEX audit_record_rule_by_rule ON audit_record_rule (rule_id, chain_position);

CREATE TABLE audit_record_escape (
    chain_position BIGINT NOT NULL,
    escape_id VARCHAR(200) NOT NULL
);
CREATE INDEX audit_record_escape_by_escape ON audit_record_escape (escape_id, chain_position);
