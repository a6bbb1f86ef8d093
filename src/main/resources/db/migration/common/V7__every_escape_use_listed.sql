-- The review queue becomes the list of every use of an escape, also of those that ask for no
-- review (status NO_REVIEW). Auditors list uses by escape, case, actor and time from here
-- (GET /api/v1/audit/escape-uses) instead of walking the whole log for the few records that are
-- uses. The audit log stays the record of each use; this table finds them and says where each
-- review stands.
ALTER TABLE escape_review RENAME TO escape_use;
ALTER INDEX escape_review_by_status RENAME TO escape_use_by_status;

-- A use recorded before actors had to be named may have no actor; it is listed as it was recorded.
ALTER TABLE escape_use ALTER COLUMN invoked_by DROP NOT NULL;

CREATE INDEX escape_use_by_time ON escape_use (invoked_at, invocation_id);
CREATE INDEX escape_use_by_escape ON escape_use (escape_id, invoked_at);
CREATE INDEX escape_use_by_case ON escape_use (case_id, invoked_at);
CREATE INDEX escape_use_by_actor ON escape_use (invoked_by, invoked_at);

-- Uses that asked for no review were only in the log until now. This reads the whole log once.
INSERT INTO escape_use (invocation_id, decision_id, escape_id, case_id, invoked_by, invoked_at, status)
SELECT record_id, subject_id, escape_ids[1], case_id, actor_id, recorded_at, 'NO_REVIEW'
FROM audit_record
WHERE kind = 'ESCAPE_INVOCATION'
  AND record_id NOT IN (SELECT invocation_id FROM escape_use);
