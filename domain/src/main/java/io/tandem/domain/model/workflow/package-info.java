/**
 * Workflows (§7): a trigger on a contact's change and ordered steps, each a Salesforce action; the rules
 * of when a trigger fires are here, in words a marketer would use, and unit-tested.
 */
package io.tandem.domain.model.workflow;
