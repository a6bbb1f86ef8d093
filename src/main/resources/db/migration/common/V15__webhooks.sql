-- Signed webhooks through a transactional outbox (docs/adr/0006-webhooks-through-a-transactional-outbox.md).

-- Who is told what: from configuration (synced at start) or created through the API. The secret
-- signs every delivery, so it is kept as given; it is never listed or logged.
CREATE TABLE webhook_subscription (
    subscription_id VARCHAR(100)             NOT NULL PRIMARY KEY,
    name            VARCHAR(200)             NOT NULL,
    url             VARCHAR(2000)            NOT NULL,
    -- Wire names separated by commas, e.g. "deadline.warning,escape.used": the same on both databases.
    event_types     VARCHAR(500)             NOT NULL,
    secret          VARCHAR(200)             NOT NULL,
    origin          VARCHAR(10)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    active          BOOLEAN                  NOT NULL
);

-- One row per event and subscription, written in the audit append's transaction. Rows of one
-- (subscription, case) are sent in sequence order, one at a time.
CREATE TABLE webhook_outbox (
    sequence_number  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id      VARCHAR(36)              NOT NULL UNIQUE,
    event_id         VARCHAR(36)              NOT NULL,
    subscription_id  VARCHAR(100)             NOT NULL REFERENCES webhook_subscription (subscription_id),
    case_id          VARCHAR(200)             NOT NULL,
    event_type       VARCHAR(50)              NOT NULL,
    event_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The CloudEvents JSON exactly as every attempt sends it.
    body             TEXT                     NOT NULL,
    status           VARCHAR(10)              NOT NULL,
    attempts         INTEGER                  NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The last attempt's HTTP status or exception class; never a secret, never the body.
    last_error       VARCHAR(300),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    claimed_by       VARCHAR(100),
    claim_expires_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX webhook_outbox_undelivered ON webhook_outbox (status, subscription_id, case_id, sequence_number);
CREATE INDEX webhook_outbox_due ON webhook_outbox (status, next_attempt_at);
