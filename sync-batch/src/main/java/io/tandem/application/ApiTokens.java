package io.tandem.application;

import io.tandem.domain.model.user.ApiToken;
import io.tandem.domain.model.user.Role;
import io.tandem.domain.model.user.UserRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Issuing, listing, revoking and checking API tokens. The secret is shown once, at issue. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ApiTokens {

    private static final String PREFIX = "tdm_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as listed: never its secret. */
    public record Summary(long id, String name, String role, String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    /** A token just issued, with the secret the caller must keep. */
    public record Issued(long id, String name, String role, Instant expiresAt, String token) {
    }

    /** Who a valid token speaks for. */
    public record TokenIdentity(String name, Set<String> roles) {
    }

    @Inject
    UserRepository users;

    /** The longest a token may be set to last, in days; without expiry it lasts until revoked. */
    static final int LONGEST_DAYS = 3650;

    public Issued issue(String name, String role, String createdBy) {
        return issue(name, role, null, createdBy);
    }

    /** A token that stops working after {@code expiresInDays} days (null: until revoked). */
    public Issued issue(String name, String role, Integer expiresInDays, String createdBy) {
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > LONGEST_DAYS)) {
            throw new InvalidRequestException("expiresInDays", "must be between 1 and " + LONGEST_DAYS + " (or absent: until revoked)");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidRequestException("name", "is required, at most 100 characters");
        }
        Role parsed;
        try {
            parsed = Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("role", e.getMessage());
        }
        byte[] secret = new byte[30];
        RANDOM.nextBytes(secret);
        String token = PREFIX + HexFormat.of().formatHex(secret);
        Instant now = Instant.now();
        ApiToken saved = new ApiToken(name, parsed, createdBy, digest(token), now);
        if (expiresInDays != null) {
            saved.expireAt(now.plus(java.time.Duration.ofDays(expiresInDays)));
        }
        users.add(saved);
        return new Issued(saved.id(), saved.name(), parsed.roleName(), saved.expiresAt(), token);
    }

    public List<Summary> list() {
        return users.tokens().stream().map(ApiTokens::summary).toList();
    }

    public Summary revoke(long id) {
        ApiToken token = users.token(id).orElseThrow(() -> new UnknownRecordException("API token", id));
        token.revoke(Instant.now());
        return summary(token);
    }

    @PermitAll
    public Optional<TokenIdentity> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return users.tokenByHash(digest(token))
                .filter(t -> t.isActive(Instant.now()))
                .map(t -> new TokenIdentity("token:" + t.name(),
                        t.role().withIncluded().stream().map(Role::roleName).collect(Collectors.toSet())));
    }

    private static Summary summary(ApiToken t) {
        return new Summary(t.id(), t.name(), t.role().roleName(), t.createdBy(), t.createdAt(), t.expiresAt(), t.revokedAt());
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
