package io.tandem.application;

import io.tandem.domain.model.connection.ConnectionRepository;
import io.tandem.domain.model.connection.SavedConnection;
import io.tandem.domain.shared.InvalidValueException;
import io.tandem.domain.service.SalesforceOrg;
import io.tandem.domain.service.SecretBox;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;

/**
 * Settings → Connection: the org Tandem talks to. Saved by an admin (secrets encrypted, never shown),
 * else taken from {@code TANDEM_SF_LOGIN_URL}, {@code TANDEM_SF_CLIENT_ID} and {@code TANDEM_SF_CLIENT_SECRET}.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class SalesforceConnections {

    /** The connection as the API shows it: never a secret, only whether one is stored. */
    public record ConnectionView(String source, String loginUrl, String flow, String clientId, String username,
                                 String apiVersion, boolean secretStored, Instant updatedAt) {
    }

    /** What an admin sends; absent secrets keep the stored ones. */
    public record ConnectionInput(@MaxSize(255) String loginUrl, @MaxSize(32) String flow, @MaxSize(255) String clientId,
                                  @MaxSize(1024) String clientSecret, @MaxSize(4096) String refreshToken,
                                  @MaxSize(255) String username, @MaxSize(16_384) String privateKey,
                                  @MaxSize(16) String apiVersion) {
    }

    /** The answer of "test connection", in plain words. */
    public record TestResult(boolean ok, String message, Long apiRequestsUsed, Long apiRequestsMax) {
    }

    @Inject
    ConnectionRepository connections;
    @Inject
    SecretBox secrets;
    @Inject
    SalesforceOrg org;

    public ConnectionView current() {
        Optional<SavedConnection> saved = connections.saved();
        if (saved.isPresent()) {
            SavedConnection s = saved.get();
            boolean secret = s.clientSecret() != null || s.refreshToken() != null || s.privateKey() != null;
            return new ConnectionView("settings", s.loginUrl(), s.flow().toLowerCase(), s.clientId(), s.username(),
                    s.apiVersion(), secret, s.updatedAt());
        }
        return org.fromEnvironment().map(env -> new ConnectionView("environment", env.loginUrl(), "client_credentials", env.clientId(),
                null, "v62.0", env.secretSet(), null)).orElse(new ConnectionView("none", null, null, null, null, null, false, null));
    }

    public ConnectionView save(ConnectionInput in) {
        if (in == null) {
            throw new InvalidRequestException("body", "must be the connection object");
        }
        Instant now = Instant.now();
        try {
            SavedConnection s = connections.saved().orElse(null);
            if (s == null) {
                s = new SavedConnection(in.loginUrl(), in.flow(), in.clientId(), in.username(), in.apiVersion(), now);
            } else {
                s.change(in.loginUrl(), in.flow(), in.clientId(), in.username(), in.apiVersion(), now);
            }
            s.replaceSecrets(seal(in.clientSecret()), seal(in.refreshToken()), seal(in.privateKey()));
            requireSecretsFor(s);
            connections.save(s);
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
        return current();
    }

    /** Logs in and reads the org's limits: says what failed if anything does. */
    public TestResult test() {
        SalesforceOrg.Check c = org.check();
        return new TestResult(c.ok(), c.message(), c.apiRequestsUsed(), c.apiRequestsMax());
    }

    private void requireSecretsFor(SavedConnection s) {
        switch (s.flow()) {
            case "CLIENT_CREDENTIALS" -> require(s.clientSecret(), "clientSecret");
            case "REFRESH_TOKEN" -> {
                require(s.clientSecret(), "clientSecret");
                require(s.refreshToken(), "refreshToken");
            }
            default -> require(s.privateKey(), "privateKey");
        }
    }

    private static void require(byte[] secret, String field) {
        if (secret == null) {
            throw new InvalidRequestException(field, "is required for this flow");
        }
    }

    private byte[] seal(String plain) {
        return plain == null || plain.isBlank() ? null : secrets.seal(plain.trim());
    }
}
