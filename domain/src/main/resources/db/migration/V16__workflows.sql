-- Workflows (§7): a named trigger (contact created, a field changed to a value, a form submitted, added
-- to a campaign) and ordered steps, each a Salesforce action; one run per triggering change, naming the
-- actions its steps became.
CREATE TABLE workflows (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(80)   NOT NULL,
    active       BOOLEAN       NOT NULL,
    trigger_spec VARCHAR(1000) NOT NULL,
    steps        TEXT          NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    version      INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_workflows_name UNIQUE (name)
) ENGINE = InnoDB;

CREATE TABLE workflow_runs (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    workflow_id BIGINT        NOT NULL,
    contact_id  BIGINT        NOT NULL,
    triggered   VARCHAR(500)  NOT NULL,
    action_ids  VARCHAR(500)  NOT NULL,
    started_at  DATETIME(6)   NOT NULL,
    CONSTRAINT fk_workflow_runs_workflow FOREIGN KEY (workflow_id) REFERENCES workflows (id) ON DELETE CASCADE,
    INDEX ix_workflow_runs (workflow_id, id),
    INDEX ix_workflow_runs_contact (contact_id)
) ENGINE = InnoDB;
