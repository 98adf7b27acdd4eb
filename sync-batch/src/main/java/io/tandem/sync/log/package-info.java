/** The sync log: one entry per inbound or outbound batch, and every record's outcome. */
package io.tandem.sync.log;
