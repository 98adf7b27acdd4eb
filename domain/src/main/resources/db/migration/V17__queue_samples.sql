-- The overview's history (§8): the queue's depth sampled once a minute, kept a week and a day like the
-- API calls counted per minute, so the charts show the last 24 hours and 7 days.
CREATE TABLE queue_samples (
    minute DATETIME(6) NOT NULL PRIMARY KEY,
    queued BIGINT      NOT NULL
) ENGINE = InnoDB;
