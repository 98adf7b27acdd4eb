/**
 * Salesforce actions (§7) a workflow step, an API call or a page button asks for on contacts: a Task, an
 * add to a Salesforce campaign, a Lead given to a queue, a push of contacts kept back. An action is kept
 * with its parameters and how its contacts were chosen; each contact it is for is a target that travels
 * through the outbox and ends done, failed or skipped, with Salesforce's words.
 */
package io.tandem.domain.model.action;
