-- When an import execution was launched and has not yet taken the import's named lock: with the lock
-- (held by the running job on any instance, released by MariaDB when its process dies) this tells every
-- instance whether an import is alive, so none resumes an import another instance is running.
ALTER TABLE sync_import ADD COLUMN launched_at DATETIME(6) NULL;
