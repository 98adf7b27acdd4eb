/**
 * Tandem → Salesforce: the outbox drained every drain interval, entries claimed with a lease, coalesced
 * per record, checked against Salesforce's current values, written with sObject Collections, within the
 * org's and Tandem's own API limits.
 */
package io.tandem.sync.outbound;
