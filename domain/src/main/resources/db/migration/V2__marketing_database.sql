-- The marketing database: companies, contacts (one per email), custom field definitions, the outbox
-- that carries local changes to Salesforce, the sync settings, and CSV imports.

-- Pre-allocated id blocks (JPA table generators), so inserts can be batched.
CREATE TABLE id_sequences (
    name     VARCHAR(40) NOT NULL PRIMARY KEY,
    next_val BIGINT      NOT NULL
) ENGINE = InnoDB;
INSERT INTO id_sequences (name, next_val) VALUES ('companies', 0), ('contacts', 0), ('outbox', 0), ('custom_fields', 0);

CREATE TABLE companies (
    id            BIGINT       NOT NULL PRIMARY KEY,
    name          VARCHAR(255) NOT NULL,
    domain        VARCHAR(255) NULL,
    website       VARCHAR(255) NULL,
    standalone    BOOLEAN      NOT NULL,
    sf_account_id CHAR(18)     NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       INT          NOT NULL DEFAULT 0,
    CONSTRAINT uq_companies_sf_account UNIQUE (sf_account_id),
    INDEX ix_companies_domain (domain)
) ENGINE = InnoDB;

-- email_key is the trimmed, lower-cased address: one contact per email, whatever its case.
CREATE TABLE contacts (
    id             BIGINT       NOT NULL PRIMARY KEY,
    email          VARCHAR(254) NOT NULL,
    email_key      VARCHAR(254) NOT NULL,
    first_name     VARCHAR(40)  NULL,
    last_name      VARCHAR(80)  NULL,
    phone          VARCHAR(40)  NULL,
    title          VARCHAR(128) NULL,
    city           VARCHAR(40)  NULL,
    state          VARCHAR(80)  NULL,
    country        VARCHAR(80)  NULL,
    lead_score     INT          NULL,
    company_id     BIGINT       NOT NULL,
    custom_fields  LONGTEXT     NULL,
    traffic_source VARCHAR(255) NULL,
    utm_source     VARCHAR(255) NULL,
    utm_medium     VARCHAR(255) NULL,
    utm_campaign   VARCHAR(255) NULL,
    system_source  VARCHAR(16)  NOT NULL,
    sync_on_create VARCHAR(8)   NOT NULL,
    sf_id          CHAR(18)     NULL,
    sf_type        VARCHAR(8)   NULL,
    sf_deleted     BOOLEAN      NOT NULL DEFAULT FALSE,
    field_state    LONGTEXT     NULL,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    version        INT          NOT NULL DEFAULT 0,
    CONSTRAINT uq_contacts_email UNIQUE (email_key),
    CONSTRAINT uq_contacts_sf UNIQUE (sf_id),
    CONSTRAINT fk_contacts_company FOREIGN KEY (company_id) REFERENCES companies (id),
    INDEX ix_contacts_company (company_id)
) ENGINE = InnoDB;

CREATE TABLE custom_fields (
    id         BIGINT       NOT NULL PRIMARY KEY,
    name       VARCHAR(40)  NOT NULL,
    label      VARCHAR(80)  NOT NULL,
    type       VARCHAR(16)  NOT NULL,
    options    TEXT         NULL,
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT uq_custom_fields_name UNIQUE (name)
) ENGINE = InnoDB;

-- One row per local change, written in the transaction of the change; the drain reads them in id order.
CREATE TABLE outbox (
    id          BIGINT        NOT NULL PRIMARY KEY,
    record_type VARCHAR(16)   NOT NULL,
    record_id   BIGINT        NOT NULL,
    operation   VARCHAR(8)    NOT NULL,
    fields      VARCHAR(2000) NOT NULL,
    source      VARCHAR(16)   NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    status      VARCHAR(12)   NOT NULL DEFAULT 'PENDING',
    INDEX ix_outbox_status (status, id),
    INDEX ix_outbox_record (record_type, record_id)
) ENGINE = InnoDB;

-- The one row of Settings -> Syncing.
CREATE TABLE sync_settings (
    id                     INT         NOT NULL PRIMARY KEY,
    sync_leads             BOOLEAN     NOT NULL,
    sync_contacts          BOOLEAN     NOT NULL,
    sync_accounts          BOOLEAN     NOT NULL,
    write_contacts         BOOLEAN     NOT NULL,
    write_companies        BOOLEAN     NOT NULL,
    write_campaigns        BOOLEAN     NOT NULL,
    write_campaign_members BOOLEAN     NOT NULL,
    create_as              VARCHAR(8)  NOT NULL,
    link_accounts_by_domain BOOLEAN    NOT NULL,
    create_accounts        BOOLEAN     NOT NULL,
    sync_on_create         BOOLEAN     NOT NULL,
    tandem_daily_limit     INT         NULL,
    reserve_percent        INT         NOT NULL,
    drain_seconds          INT         NOT NULL,
    poll_seconds           INT         NOT NULL,
    updated_at             DATETIME(6) NOT NULL,
    version                INT         NOT NULL DEFAULT 0
) ENGINE = InnoDB;
INSERT INTO sync_settings VALUES (1, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, 'LEAD', TRUE, TRUE, TRUE, NULL, 10, 10, 60, NOW(6), 0);

CREATE TABLE imports (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    file_name   VARCHAR(255)  NOT NULL,
    stored_path VARCHAR(1000) NOT NULL,
    mapping     TEXT          NOT NULL,
    options     TEXT          NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    total_rows  INT           NULL,
    rows_done   INT           NOT NULL DEFAULT 0,
    created     INT           NOT NULL DEFAULT 0,
    updated     INT           NOT NULL DEFAULT 0,
    failed      INT           NOT NULL DEFAULT 0,
    execution_id BIGINT       NULL,
    created_by  VARCHAR(64)   NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    finished_at DATETIME(6)   NULL
) ENGINE = InnoDB;

CREATE TABLE import_errors (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    import_id  BIGINT        NOT NULL,
    row_no     INT           NOT NULL,
    column_name VARCHAR(255) NULL,
    message    VARCHAR(1000) NOT NULL,
    INDEX ix_import_errors (import_id, row_no)
) ENGINE = InnoDB;
