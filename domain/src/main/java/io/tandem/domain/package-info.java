/**
 * Tandem's domain: the records marketing keeps (contacts, companies, campaigns, fields), their link
 * to Salesforce and the sync bookkeeping, with repository ports. Nothing here knows of HTTP, pages or
 * batch jobs; the schema itself lives in {@code db/migration} (Flyway).
 */
package io.tandem.domain;
