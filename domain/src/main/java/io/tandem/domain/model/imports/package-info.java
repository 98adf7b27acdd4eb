/** CSV imports of contacts: the job's record (file, column mapping, progress) and its per-row errors. */
package io.tandem.domain.model.imports;
