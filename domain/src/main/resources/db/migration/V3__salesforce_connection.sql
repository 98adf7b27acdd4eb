-- The Salesforce connection as an admin saved it (Settings -> Connection). Secrets are stored
-- encrypted (AES-GCM, key from TANDEM_SECRET_KEY), never in clear and never returned by the API.
CREATE TABLE salesforce_connection (
    id                INT           NOT NULL PRIMARY KEY,
    login_url         VARCHAR(255)  NOT NULL,
    flow              VARCHAR(24)   NOT NULL,
    client_id         VARCHAR(255)  NOT NULL,
    client_secret     VARBINARY(1024) NULL,
    refresh_token     VARBINARY(1024) NULL,
    username          VARCHAR(255)  NULL,
    private_key       VARBINARY(8192) NULL,
    api_version       VARCHAR(8)    NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    version           INT           NOT NULL DEFAULT 0
) ENGINE = InnoDB;
