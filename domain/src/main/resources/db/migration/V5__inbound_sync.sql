-- Inbound sync: how far each Salesforce object has been read, the initial import, the sync logs, the
-- per-field sync modes, and when the linked Salesforce record was last modified (duplicates by email:
-- the most recently modified record wins).

CREATE TABLE sync_watermarks (
    object       VARCHAR(16) NOT NULL PRIMARY KEY,
    modstamp     DATETIME(6) NOT NULL,
    last_id      VARCHAR(18) NOT NULL,
    updated_at   DATETIME(6) NOT NULL
) ENGINE = InnoDB;

-- The initial import of the connection, one row: its state and progress (records done of total).
CREATE TABLE sync_import (
    id           INT          NOT NULL PRIMARY KEY,
    status       VARCHAR(12)  NOT NULL,
    execution_id BIGINT       NULL,
    total        BIGINT       NOT NULL DEFAULT 0,
    done         BIGINT       NOT NULL DEFAULT 0,
    message      VARCHAR(1000) NULL,
    started_at   DATETIME(6)  NULL,
    finished_at  DATETIME(6)  NULL
) ENGINE = InnoDB;
INSERT INTO sync_import (id, status) VALUES (1, 'NONE');

-- One entry per batch, inbound or outbound, and one row per record it handled.
CREATE TABLE sync_logs (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    direction   VARCHAR(8)   NOT NULL,
    object      VARCHAR(16)  NOT NULL,
    trigger_by  VARCHAR(16)  NOT NULL,
    started_at  DATETIME(6)  NOT NULL,
    duration_ms BIGINT       NOT NULL,
    status      VARCHAR(12)  NOT NULL,
    created     INT          NOT NULL,
    updated     INT          NOT NULL,
    unchanged   INT          NOT NULL,
    skipped     INT          NOT NULL,
    failed      INT          NOT NULL,
    conflicts   INT          NOT NULL,
    api_calls   INT          NOT NULL,
    message     VARCHAR(1000) NULL,
    INDEX ix_sync_logs_time (started_at),
    INDEX ix_sync_logs_filter (direction, object, started_at)
) ENGINE = InnoDB;

CREATE TABLE sync_log_records (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    log_id      BIGINT       NOT NULL,
    sf_id       VARCHAR(18)  NULL,
    contact_id  BIGINT       NULL,
    company_id  BIGINT       NULL,
    outcome     VARCHAR(12)  NOT NULL,
    reason      VARCHAR(500) NULL,
    detail      TEXT         NULL,
    INDEX ix_sync_log_records (log_id, id),
    INDEX ix_sync_log_records_contact (contact_id)
) ENGINE = InnoDB;

-- Sync mode per Tandem field (§3); fields without a row use the default, prefer Salesforce unless empty.
CREATE TABLE field_mappings (
    field      VARCHAR(48) NOT NULL PRIMARY KEY,
    mode       VARCHAR(32) NOT NULL,
    updated_at DATETIME(6) NOT NULL
) ENGINE = InnoDB;

ALTER TABLE contacts ADD COLUMN sf_modified_at DATETIME(6) NULL;
