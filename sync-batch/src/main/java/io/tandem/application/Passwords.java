package io.tandem.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;

/**
 * How passwords are stored: PBKDF2 with HMAC-SHA-512, 210,000 iterations, a 32-byte salt and key
 * (OWASP's recommended work factor for this algorithm), stated here rather than left to the library's
 * defaults. Each stored hash names its own algorithm and iteration count, so older hashes still verify
 * and a later increase applies as passwords are set.
 */
@ApplicationScoped
public class Passwords {

    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    @Inject
    Pbkdf2PasswordHash hash;

    @PostConstruct
    void parameters() {
        hash.initialize(PARAMETERS);
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String stored) {
        return password != null && stored != null && hash.verify(password.toCharArray(), stored);
    }
}
