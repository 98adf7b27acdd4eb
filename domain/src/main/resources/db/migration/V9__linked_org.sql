-- The Salesforce org the links and watermarks were made with (§4), and the org Tandem last logged in to.
-- When they differ the sync stops until an admin starts over with the new org or keeps the links.
CREATE TABLE sync_org (
    id               INT          NOT NULL PRIMARY KEY,
    linked_org_id    VARCHAR(18)  NULL,
    connected_org_id VARCHAR(18)  NULL,
    noticed_at       DATETIME(6)  NULL
) ENGINE = InnoDB;

INSERT INTO sync_org (id) VALUES (1);
