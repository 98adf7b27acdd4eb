/**
 * The Salesforce connection an admin configured: login host, OAuth flow, client id, and the secrets,
 * which this package only ever holds encrypted.
 */
package io.tandem.domain.model.connection;
