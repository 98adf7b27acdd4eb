-- Campaigns (§6): types with their ordered member statuses, campaigns of a type, and their members.
-- A campaign may be linked to a Salesforce campaign; what Salesforce last said of it (name, active) shows
-- on the Tandem campaign.
CREATE TABLE campaign_types (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(80)  NOT NULL,
    statuses   TEXT         NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    version    INT          NOT NULL DEFAULT 0,
    CONSTRAINT uq_campaign_types_name UNIQUE (name)
) ENGINE = InnoDB;

CREATE TABLE campaigns (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name           VARCHAR(80)  NOT NULL,
    type_id        BIGINT       NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    sf_campaign_id CHAR(18)     NULL,
    sf_name        VARCHAR(80)  NULL,
    sf_active      BOOLEAN      NULL,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    version        INT          NOT NULL DEFAULT 0,
    CONSTRAINT uq_campaigns_sf UNIQUE (sf_campaign_id),
    CONSTRAINT fk_campaigns_type FOREIGN KEY (type_id) REFERENCES campaign_types (id),
    INDEX ix_campaigns_name (name)
) ENGINE = InnoDB;

-- A member removed here stays, marked removed, until its removal has reached Salesforce.
CREATE TABLE campaign_members (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    campaign_id  BIGINT       NOT NULL,
    contact_id   BIGINT       NOT NULL,
    status       VARCHAR(255) NOT NULL,
    sf_member_id CHAR(18)     NULL,
    updated_at   DATETIME(6)  NOT NULL,
    removed_at   DATETIME(6)  NULL,
    version      INT          NOT NULL DEFAULT 0,
    CONSTRAINT uq_campaign_members UNIQUE (campaign_id, contact_id),
    CONSTRAINT uq_campaign_members_sf UNIQUE (sf_member_id),
    CONSTRAINT fk_campaign_members_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE CASCADE,
    CONSTRAINT fk_campaign_members_contact FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    INDEX ix_campaign_members_status (campaign_id, status, id),
    INDEX ix_campaign_members_contact (contact_id)
) ENGINE = InnoDB;
