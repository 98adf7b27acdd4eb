/**
 * Plain JDBC where JPA's per-object work is the bottleneck: batched inserts of new records for bulk
 * upserts (imports, the batch API), with ids from the same table JPA's generators use.
 */
package io.tandem.infrastructure.persistence.jdbc;
