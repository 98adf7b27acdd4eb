package io.tandem.launcher;

import java.net.URI;

/**
 * Where Tandem's MariaDB is: the JDBC URL, the account, and the database (schema) named in the URL.
 */
public record DatabaseTarget(String jdbcUrl, String user, String password) {

    private static final String PREFIX = "jdbc:mariadb://";

    public DatabaseTarget {
        if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("TANDEM_DB_URL must look like jdbc:mariadb://host:port/database, was: " + jdbcUrl);
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("TANDEM_DB_USER is required with TANDEM_DB_URL");
        }
    }

    /** The database name after the host part, without URL parameters. */
    public String schema() {
        URI uri = URI.create("mariadb://" + jdbcUrl.substring(PREFIX.length()));
        String path = uri.getPath();
        if (path == null || path.length() < 2) {
            throw new IllegalArgumentException("TANDEM_DB_URL names no database: " + jdbcUrl);
        }
        return path.substring(1);
    }

    public String host() {
        return URI.create("mariadb://" + jdbcUrl.substring(PREFIX.length())).getHost();
    }

    public int port() {
        int port = URI.create("mariadb://" + jdbcUrl.substring(PREFIX.length())).getPort();
        return port < 0 ? 3306 : port;
    }

    /**
     * The URL Payara's pool gets: Payara's batch runtime recognises MariaDB only when the driver
     * reports MySQL metadata, and otherwise writes Derby DDL into it.
     */
    public String payaraUrl() {
        if (jdbcUrl.contains("useMysqlMetadata=")) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "useMysqlMetadata=true";
    }
}
