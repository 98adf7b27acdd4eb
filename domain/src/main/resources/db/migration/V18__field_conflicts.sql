-- The conflicts inbox (§8): true two-way conflicts (both sides changed a field since the value they last
-- agreed on), with both values and times and which one was kept, until an operator resolves them.
CREATE TABLE field_conflicts (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contact_id      BIGINT        NOT NULL,
    field           VARCHAR(80)   NOT NULL,
    tandem_value    VARCHAR(2000) NULL,
    tandem_at       DATETIME(6)   NULL,
    sf_value        VARCHAR(2000) NULL,
    sf_at           DATETIME(6)   NOT NULL,
    kept            VARCHAR(12)   NOT NULL,
    reason          VARCHAR(255)  NOT NULL,
    detected_at     DATETIME(6)   NOT NULL,
    resolution      VARCHAR(16)   NULL,
    resolved_by     VARCHAR(100)  NULL,
    resolved_at     DATETIME(6)   NULL,
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_field_conflicts_contact FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    INDEX ix_field_conflicts_open (resolved_at, id),
    INDEX ix_field_conflicts_contact (contact_id)
) ENGINE = InnoDB;
