-- The review queue: where each use of an escape that asks for review waits for its reviewer.
-- The truth stays in audit_record (every invocation and every review is appended there too);
-- this table is the working list.
CREATE TABLE escape_review (
    invocation_id VARCHAR(36)              PRIMARY KEY,
    decision_id   VARCHAR(36)              NOT NULL,
    escape_id     VARCHAR(200)             NOT NULL,
    case_id       VARCHAR(200),
    invoked_by    VARCHAR(200)             NOT NULL,
    justification TEXT,
    reviewer_role VARCHAR(100),
    invoked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(20)              NOT NULL,   -- PENDING_REVIEW, APPROVED, FLAGGED
    reviewed_by   VARCHAR(200),
    note          TEXT,
    reviewed_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX escape_review_by_status ON escape_review (status, invoked_at);
