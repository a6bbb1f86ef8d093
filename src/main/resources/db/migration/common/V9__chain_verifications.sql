-- Every walk of the hash chain, whoever asked for it: auditors see when the log was last verified
-- and what was found, and a long walk reports its progress here while it runs, to whichever
-- instance is asked. Intact walks leave anchors that later walks check, so that a chain changed
-- and hashed anew after them is found. This is a working table beside the log, not part of the chain.
CREATE TABLE chain_verification (
    verification_id  VARCHAR(36)              PRIMARY KEY,  -- UUIDv7: sorts by start
    triggered_by     VARCHAR(16)              NOT NULL,     -- REQUEST or SCHEDULE
    instance         VARCHAR(200)             NOT NULL,     -- the instance that walks the chain
    status           VARCHAR(16)              NOT NULL,     -- RUNNING, FINISHED, FAILED, INTERRUPTED
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at     TIMESTAMP WITH TIME ZONE NOT NULL,     -- a RUNNING walk moves it; a still one was abandoned
    finished_at      TIMESTAMP WITH TIME ZONE,
    head_position    BIGINT,                                -- where the chain ended when the walk began; when it ended
    head_hash        VARCHAR(64),                           -- the hash there when the walk found the chain intact:
                                                            -- later walks check that it still is (an anchor)
    records_checked  BIGINT                   NOT NULL,
    intact           BOOLEAN,
    break_position   BIGINT,
    break_record_id  VARCHAR(36),
    break_problem    VARCHAR(1000),
    failure          VARCHAR(1000)
);
CREATE INDEX chain_verification_by_status ON chain_verification (status, verification_id);
