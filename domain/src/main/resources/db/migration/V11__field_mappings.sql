-- Field mappings an administrator controls: each Tandem field (standard, system, custom.<name>, or a
-- company's company.<name>) names its Salesforce field on Lead, Contact and/or Account. Until now the
-- seven standard contact fields were mapped in code; they become rows, as do the company's name and website.
ALTER TABLE field_mappings
    ADD COLUMN lead_field    VARCHAR(80) NULL,
    ADD COLUMN contact_field VARCHAR(80) NULL,
    ADD COLUMN account_field VARCHAR(80) NULL;

INSERT INTO field_mappings (field, mode, updated_at) VALUES
    ('firstName', 'PREFER_SALESFORCE_UNLESS_EMPTY', NOW(6)), ('lastName', 'PREFER_SALESFORCE_UNLESS_EMPTY', NOW(6)),
    ('phone', 'PREFER_SALESFORCE_UNLESS_EMPTY', NOW(6)), ('title', 'PREFER_SALESFORCE_UNLESS_EMPTY', NOW(6)),
    ('city', 'PREFER_SALESFORCE_UNLESS_EMPTY', NOW(6)), ('state', 'PREFER_SALESFORCE_UNLESS_EMPTY', NOW(6)),
    ('country', 'PREFER_SALESFORCE_UNLESS_EMPTY', NOW(6))
ON DUPLICATE KEY UPDATE field = field;

UPDATE field_mappings SET lead_field = 'FirstName', contact_field = 'FirstName' WHERE field = 'firstName';
UPDATE field_mappings SET lead_field = 'LastName', contact_field = 'LastName' WHERE field = 'lastName';
UPDATE field_mappings SET lead_field = 'Phone', contact_field = 'Phone' WHERE field = 'phone';
UPDATE field_mappings SET lead_field = 'Title', contact_field = 'Title' WHERE field = 'title';
UPDATE field_mappings SET lead_field = 'City', contact_field = 'MailingCity' WHERE field = 'city';
UPDATE field_mappings SET lead_field = 'State', contact_field = 'MailingState' WHERE field = 'state';
UPDATE field_mappings SET lead_field = 'Country', contact_field = 'MailingCountry' WHERE field = 'country';
-- a mode chosen for a field that was never mapped (none could be, before) has nothing to apply to
DELETE FROM field_mappings WHERE lead_field IS NULL AND contact_field IS NULL AND account_field IS NULL;

-- What companies hold for their Accounts beside name and website.
ALTER TABLE companies
    ADD COLUMN industry       VARCHAR(255)   NULL,
    ADD COLUMN annual_revenue DECIMAL(18, 2) NULL,
    ADD COLUMN employees      INT            NULL;

-- Every change to a mapping, kept when the mapping goes.
CREATE TABLE field_mapping_changes (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    field         VARCHAR(48) NOT NULL,
    action        VARCHAR(8)  NOT NULL,
    lead_field    VARCHAR(80) NULL,
    contact_field VARCHAR(80) NULL,
    account_field VARCHAR(80) NULL,
    mode          VARCHAR(32) NULL,
    changed_by    VARCHAR(64) NOT NULL,
    changed_at    DATETIME(6) NOT NULL,
    INDEX ix_field_mapping_changes (field, id)
) ENGINE = InnoDB;
