-- Background simulations of a candidate rule set on recorded decisions: a replay of a long window
-- takes longer than a client waits, so it runs in the background, saves its totals here after each
-- page, and can be followed and cancelled from any instance. The changes of each replayed decision
-- that changed or failed are kept beside it, so the full diff can be exported without holding it in
-- memory. Working tables beside the log, not part of the chain.
CREATE TABLE simulation_run (
    simulation_id      VARCHAR(36)              PRIMARY KEY,  -- UUIDv7: sorts by start
    requested_by       VARCHAR(400)             NOT NULL,
    instance           VARCHAR(200)             NOT NULL,     -- the instance that replays
    status             VARCHAR(16)              NOT NULL,     -- RUNNING, FINISHED, CANCELLED, FAILED, INTERRUPTED
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at        TIMESTAMP WITH TIME ZONE,
    window_from        TIMESTAMP WITH TIME ZONE NOT NULL,
    window_to          TIMESTAMP WITH TIME ZONE NOT NULL,
    case_id            VARCHAR(200),
    rule_id            VARCHAR(200),
    escape_id          VARCHAR(200),
    candidate_version  VARCHAR(100)             NOT NULL,
    candidate_problems TEXT                     NOT NULL,     -- JSON list of the scenarios the candidate fails
    records_read       BIGINT                   NOT NULL,
    changed            BIGINT                   NOT NULL,
    failed             BIGINT                   NOT NULL,
    by_aspect          VARCHAR(1000)            NOT NULL,     -- JSON: {"verdict": 3, …}
    failure            VARCHAR(1000)
);
CREATE INDEX simulation_run_by_status ON simulation_run (status, instance);

CREATE TABLE simulation_change (
    simulation_id      VARCHAR(36)              NOT NULL REFERENCES simulation_run (simulation_id),
    seq                BIGINT                   NOT NULL,     -- order of replay within the simulation
    decision_id        VARCHAR(36)              NOT NULL,
    case_id            VARCHAR(200),
    decided_at         TIMESTAMP WITH TIME ZONE NOT NULL,     -- the instant replayed at
    rule_set_version   VARCHAR(100),                          -- the version that made the recorded decision
    changes            TEXT                     NOT NULL,     -- JSON list of {aspect, before, after}
    error              VARCHAR(2000),                         -- why it could not be replayed
    PRIMARY KEY (simulation_id, seq)
);
