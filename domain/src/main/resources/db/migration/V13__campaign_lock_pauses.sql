-- Writing a Salesforce campaign's members (§5, §6): after UNABLE_TO_LOCK_ROW on the campaign, every
-- instance leaves its members alone until sf_locked_until, a pause that grows with sf_lock_attempts and is
-- reset by the next write that goes through. (Which instance writes a campaign's members at a time is a
-- named database lock, not a column: it goes with the connection of an instance that dies.)
-- sf_link_execution: the execution of the link's first two-way sync (the campaign-link job).
ALTER TABLE campaigns
    ADD COLUMN sf_locked_until   DATETIME(6) NULL,
    ADD COLUMN sf_lock_attempts  INT         NOT NULL DEFAULT 0,
    ADD COLUMN sf_link_execution BIGINT      NULL;
