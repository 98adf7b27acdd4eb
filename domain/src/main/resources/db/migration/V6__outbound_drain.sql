-- The outbound drain: entries are claimed with a lease (SELECT ... FOR UPDATE SKIP LOCKED, then CLAIMED
-- by one instance until claimed_until), retried with back-off, and end SENT, FAILED (with Salesforce's
-- code and message, replayable) or SKIPPED (with why). Tandem's own API calls are counted per minute for
-- its rolling 24-hour limit.
ALTER TABLE outbox
    ADD COLUMN attempts        INT           NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at DATETIME(6)   NULL,
    ADD COLUMN claimed_by      VARCHAR(64)   NULL,
    ADD COLUMN claimed_until   DATETIME(6)   NULL,
    ADD COLUMN finished_at     DATETIME(6)   NULL,
    ADD COLUMN error_code      VARCHAR(64)   NULL,
    ADD COLUMN error_message   VARCHAR(1000) NULL,
    ADD COLUMN log_id          BIGINT        NULL;

CREATE TABLE api_usage (
    minute DATETIME NOT NULL PRIMARY KEY,
    calls  INT      NOT NULL
) ENGINE = InnoDB;
