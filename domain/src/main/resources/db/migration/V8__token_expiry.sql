-- An API token may expire: after expires_at it no longer signs in (NULL: until revoked).
ALTER TABLE api_tokens ADD COLUMN expires_at DATETIME(6) NULL AFTER created_at;
