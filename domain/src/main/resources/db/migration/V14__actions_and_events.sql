-- Salesforce actions (§7) asked for by a workflow, an API call or a page button: one row an action (its
-- kind, parameters and how its contacts were chosen), one row per contact it is for, which travels
-- through the outbox as its own kind and ends done, failed or skipped with Salesforce's words.
CREATE TABLE salesforce_actions (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind          VARCHAR(16)   NOT NULL,
    parameters    TEXT          NOT NULL,
    selection     TEXT          NOT NULL,
    source        VARCHAR(16)   NOT NULL,
    requested_by  VARCHAR(100)  NULL,
    workflow_id   BIGINT        NULL,
    execution_id  BIGINT        NULL,
    created_at    DATETIME(6)   NOT NULL,
    INDEX ix_salesforce_actions_time (created_at)
) ENGINE = InnoDB;

CREATE TABLE action_targets (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    action_id   BIGINT        NOT NULL,
    contact_id  BIGINT        NOT NULL,
    status      VARCHAR(12)   NOT NULL,
    sf_id       CHAR(18)      NULL,
    error_code  VARCHAR(64)   NULL,
    message     VARCHAR(1000) NULL,
    updated_at  DATETIME(6)   NOT NULL,
    version     INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_action_targets UNIQUE (action_id, contact_id),
    CONSTRAINT fk_action_targets_action FOREIGN KEY (action_id) REFERENCES salesforce_actions (id) ON DELETE CASCADE,
    CONSTRAINT fk_action_targets_contact FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    INDEX ix_action_targets_status (action_id, status, id)
) ENGINE = InnoDB;

-- Marketing events on a contact (§7): pushed as one completed Task each on the linked Lead or Contact;
-- sf_task_id is that Task once Salesforce made it.
CREATE TABLE contact_events (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contact_id  BIGINT       NOT NULL,
    type        VARCHAR(16)  NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    details     TEXT         NOT NULL,
    sf_task_id  CHAR(18)     NULL,
    created_at  DATETIME(6)  NOT NULL,
    version     INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_contact_events_contact FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
    INDEX ix_contact_events_contact (contact_id, occurred_at)
) ENGINE = InnoDB;

-- Which event types go to Salesforce as Tasks, and the Tasks' subtype (Settings → Activity), one row.
CREATE TABLE event_settings (
    id           INT          NOT NULL PRIMARY KEY,
    pushed_types VARCHAR(100) NOT NULL,
    task_subtype VARCHAR(16)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    version      INT          NOT NULL DEFAULT 0
) ENGINE = InnoDB;
INSERT INTO event_settings (id, pushed_types, task_subtype, updated_at)
VALUES (1, 'form_submitted,email_clicked,page_visited', 'Task', CURRENT_TIMESTAMP(6));
