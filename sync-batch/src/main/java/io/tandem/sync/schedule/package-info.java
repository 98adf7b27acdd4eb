/** Every timer of Tandem, in one singleton: the outbound drain, the inbound poll, limit checks. */
package io.tandem.sync.schedule;
