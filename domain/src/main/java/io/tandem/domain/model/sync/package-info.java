/**
 * The sync's own records: the outbox of local changes waiting for Salesforce, and the sync settings
 * (Settings → Syncing).
 */
package io.tandem.domain.model.sync;
