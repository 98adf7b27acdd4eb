/**
 * Tandem's use cases, as thin stateless services: the transaction and security boundary the web
 * layer calls. They load, call the domain and store; results leave as records, never as entities.
 */
package io.tandem.application;
