-- Large batches (an import's pages, 2,000 records each) keep their records packed in one row per log
-- entry: `packed`, a JSON array of [sf_id, contact_id, company_id, outcome, reason, detail] in the order handled.
-- One row per record cost MariaDB about as much as the records themselves; the drill-down unpacks them.
CREATE TABLE sync_log_packed (
    log_id       BIGINT     NOT NULL PRIMARY KEY,
    record_count INT        NOT NULL,
    packed       MEDIUMTEXT NOT NULL
) ENGINE = InnoDB;

-- Every logged record, packed or not, for reading with SQL (packed ones numbered from 1 within their entry).
-- Text columns meet in one collation, whatever the database's default is.
CREATE VIEW sync_log_lines AS
    SELECT id, log_id,
           CONVERT(sf_id USING utf8mb4) COLLATE utf8mb4_unicode_ci AS sf_id, contact_id, company_id,
           CONVERT(outcome USING utf8mb4) COLLATE utf8mb4_unicode_ci AS outcome,
           CONVERT(reason USING utf8mb4) COLLATE utf8mb4_unicode_ci AS reason,
           CONVERT(detail USING utf8mb4) COLLATE utf8mb4_unicode_ci AS detail
    FROM sync_log_records
    UNION ALL
    SELECT t.n, p.log_id,
           CONVERT(t.sf_id USING utf8mb4) COLLATE utf8mb4_unicode_ci, t.contact_id, t.company_id,
           CONVERT(t.outcome USING utf8mb4) COLLATE utf8mb4_unicode_ci,
           CONVERT(t.reason USING utf8mb4) COLLATE utf8mb4_unicode_ci,
           CONVERT(t.detail USING utf8mb4) COLLATE utf8mb4_unicode_ci
    FROM sync_log_packed p, JSON_TABLE(p.packed, '$[*]' COLUMNS (
        n          FOR ORDINALITY,
        sf_id      VARCHAR(18)  PATH '$[0]',
        contact_id BIGINT       PATH '$[1]',
        company_id BIGINT       PATH '$[2]',
        outcome    VARCHAR(12)  PATH '$[3]',
        reason     VARCHAR(500) PATH '$[4]',
        detail     TEXT         PATH '$[5]')) t;
