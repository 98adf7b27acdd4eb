package io.tandem.launcher;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The password of the first admin. Tandem stores only its hash, so the launcher decides it before the
 * first start: {@code TANDEM_ADMIN_PASSWORD} when set, else a random one it prints once. Once the
 * admin exists, nothing is generated again.
 */
record FirstAdmin(String password, boolean generated) {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    static FirstAdmin decide(String configured, DatabaseTarget db) {
        if (configured != null && !configured.isEmpty()) {
            return new FirstAdmin(configured, false);
        }
        if (adminExists(db)) {
            return new FirstAdmin(null, false);
        }
        return new FirstAdmin(random(20), true);
    }

    static String random(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static boolean adminExists(DatabaseTarget db) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM users WHERE username = 'admin'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        } catch (SQLException noTableYet) {
            return false;
        }
    }
}
