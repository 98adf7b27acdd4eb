/**
 * Tandem's Salesforce client over the REST API: OAuth (client credentials, refresh token, JWT bearer),
 * queries with paging, API usage read from every {@code Sforce-Limit-Info}, one re-authentication on an
 * expired session, retries with back-off for transient failures. Salesforce's JSON stays in this package.
 * It speaks only documented wire shapes, so the same build talks to a real org or to the emulator.
 */
package io.tandem.infrastructure.salesforce;
