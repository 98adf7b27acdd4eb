-- Accounts that sign in, their roles (every included role is a row: the identity store reads them
-- as they are), and API tokens stored as SHA-256 digests.
CREATE TABLE users (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6)  NOT NULL
) ENGINE = InnoDB;

CREATE TABLE user_roles (
    username VARCHAR(64) NOT NULL,
    role     VARCHAR(16) NOT NULL,
    PRIMARY KEY (username, role),
    CONSTRAINT fk_user_roles_user FOREIGN KEY (username) REFERENCES users (username) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE TABLE api_tokens (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    created_by VARCHAR(64)  NOT NULL,
    role       VARCHAR(16)  NOT NULL,
    token_hash CHAR(64)     NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    revoked_at DATETIME(6)  NULL,
    CONSTRAINT uq_api_tokens_hash UNIQUE (token_hash)
) ENGINE = InnoDB;
