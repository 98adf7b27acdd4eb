-- Opportunities and their contact roles (§7), read-only: pulled by the import and the poll, shown on the
-- contacts of their Account and on the contacts they name. Deleted ones go; one moved to another Account
-- moves with it.
CREATE TABLE opportunities (
    sf_id          CHAR(18)      NOT NULL PRIMARY KEY,
    account_sf_id  CHAR(18)      NULL,
    name           VARCHAR(120)  NOT NULL,
    stage          VARCHAR(255)  NULL,
    amount         DECIMAL(18,2) NULL,
    close_date     DATE          NULL,
    is_closed      BOOLEAN       NOT NULL DEFAULT FALSE,
    is_won         BOOLEAN       NOT NULL DEFAULT FALSE,
    sf_modified_at DATETIME(6)   NOT NULL,
    INDEX ix_opportunities_account (account_sf_id)
) ENGINE = InnoDB;

CREATE TABLE opportunity_roles (
    sf_id             CHAR(18)     NOT NULL PRIMARY KEY,
    opportunity_sf_id CHAR(18)     NOT NULL,
    contact_sf_id     CHAR(18)     NOT NULL,
    role              VARCHAR(255) NULL,
    is_primary        BOOLEAN      NOT NULL DEFAULT FALSE,
    INDEX ix_opportunity_roles_contact (contact_sf_id),
    INDEX ix_opportunity_roles_opportunity (opportunity_sf_id)
) ENGINE = InnoDB;

-- "OpportunityContactRole" is longer than the object names the sync read so far
ALTER TABLE sync_watermarks MODIFY object VARCHAR(40) NOT NULL;
ALTER TABLE sync_logs MODIFY object VARCHAR(40) NOT NULL;
