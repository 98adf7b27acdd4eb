/**
 * The sync engine: inbound ({@code inbound}), outbound ({@code outbound}), CSV imports ({@code imports})
 * and the timers ({@code schedule}). It works through the domain's ports and never calls the
 * application layer above it.
 */
package io.tandem.sync;
