/**
 * The CSV import job ({@code contact-import}): a reader that streams the stored file and checkpoints
 * on the row number, a processor that maps columns to contact fields, a writer that upserts each
 * chunk through the one contact upsert and records per-row errors, and the listeners that keep the
 * import's status and the rows the reader could not read.
 */
package io.tandem.sync.imports;
