/**
 * Filling in a field mapped after its records were linked: the field read for every linked record, page by
 * page, as a restartable batch job ({@code field-backfill}).
 */
package io.tandem.sync.backfill;
