-- Outbox ids come from the table's own counter, so their order is the order the changes were made in,
-- across every writer and every Tandem instance on this database (id blocks handed to several writers
-- would interleave).
ALTER TABLE outbox MODIFY id BIGINT NOT NULL AUTO_INCREMENT;
DELETE FROM id_sequences WHERE name = 'outbox';
