/**
 * Campaigns (§6): campaign types owning an ordered list of member statuses, campaigns of a type, optionally
 * linked to a Salesforce campaign, and their members (a contact with a status).
 */
package io.tandem.domain.model.campaign;
