package io.tandem.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Basic credentials already verified, for a few minutes: a PBKDF2 check at 210,000 iterations costs a
 * good part of a CPU second, and API scripts send the same credentials with every call. Kept by a
 * SHA-256 digest of name and password, never the password; emptied whenever any account changes (a
 * new password, a role, a disabled account take effect on the next call).
 */
@ApplicationScoped
public class SignInCache {

    private static final Duration KEPT = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    /** Who the credentials proved to be. */
    public record Caller(String name, Set<String> groups) {
    }

    private record Entry(Caller caller, Instant until) {
    }

    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    public Optional<Caller> get(String user, String password) {
        Entry e = verified.get(key(user, password));
        if (e == null || e.until().isBefore(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(e.caller());
    }

    public void put(String user, String password, Caller caller) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(key(user, password), new Entry(caller, Instant.now().plus(KEPT)));
    }

    public void clear() {
        verified.clear();
    }

    private static String key(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
