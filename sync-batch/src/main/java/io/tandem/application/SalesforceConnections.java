package io.tandem.application;

import io.tandem.application.internal.Secrets;
import io.tandem.domain.model.connection.ConnectionRepository;
import io.tandem.domain.model.connection.SavedConnection;
import io.tandem.domain.shared.InvalidValueException;
import io.tandem.infrastructure.salesforce.SalesforceClient;
import io.tandem.infrastructure.salesforce.SalesforceConnection;
import io.tandem.infrastructure.salesforce.SalesforceException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    public record ConnectionInput(String loginUrl, String flow, String clientId, String clientSecret, String refreshToken,
                                  String username, String privateKey, String apiVersion) {
    }

    /** The answer of "test connection", in plain words. */
    public record TestResult(boolean ok, String message, Long apiRequestsUsed, Long apiRequestsMax) {
    }

    @Inject
    ConnectionRepository connections;
    @Inject
    Secrets secrets;
    @Inject
    @ConfigProperty(name = "tandem.sf.login-url")
    Optional<String> envLoginUrl;
    @Inject
    @ConfigProperty(name = "tandem.sf.client-id")
    Optional<String> envClientId;
    @Inject
    @ConfigProperty(name = "tandem.sf.client-secret")
    Optional<String> envClientSecret;

    public ConnectionView current() {
        Optional<SavedConnection> saved = connections.saved();
        if (saved.isPresent()) {
            SavedConnection s = saved.get();
            boolean secret = s.clientSecret() != null || s.refreshToken() != null || s.privateKey() != null;
            return new ConnectionView("settings", s.loginUrl(), s.flow().toLowerCase(), s.clientId(), s.username(),
                    s.apiVersion(), secret, s.updatedAt());
        }
        if (envClientId.isPresent()) {
            return new ConnectionView("environment", envLoginUrl.orElse("https://login.salesforce.com"), "client_credentials",
                    envClientId.get(), null, "v62.0", envClientSecret.isPresent(), null);
        }
        return new ConnectionView("none", null, null, null, null, null, false, null);
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
        Optional<SalesforceConnection> connection = connection();
        if (connection.isEmpty()) {
            return new TestResult(false, "No connection is configured: save one, or set TANDEM_SF_CLIENT_ID and its secret.", null, null);
        }
        SalesforceClient client = new SalesforceClient(connection.get());
        try {
            client.login();
        } catch (SalesforceException e) {
            return new TestResult(false, "Salesforce refused the login at " + connection.get().loginUrl() + ": " + e.getMessage(), null, null);
        }
        try {
            client.get("/services/data/" + connection.get().apiVersion() + "/limits");
            return client.usage().map(u -> new TestResult(true, "Connected; the org has used " + u.used() + " of "
                    + u.max() + " API requests in the last 24 hours.", u.used(), u.max()))
                    .orElse(new TestResult(true, "Connected.", null, null));
        } catch (SalesforceException e) {
            return new TestResult(false, "Logged in, but the API answered: " + e.getMessage()
                    + (e.status() == 403 ? " (the integration user needs API access and View Setup)" : ""), null, null);
        }
    }

    /** The connection in force, secrets decrypted, for Tandem's own use (timers and jobs run without a caller). */
    @PermitAll
    public Optional<SalesforceConnection> connection() {
        Optional<SavedConnection> saved = connections.saved();
        if (saved.isPresent()) {
            SavedConnection s = saved.get();
            return Optional.of(new SalesforceConnection(s.loginUrl(), SalesforceConnection.Flow.valueOf(s.flow()), s.clientId(),
                    open(s.clientSecret()), open(s.refreshToken()), s.username(), open(s.privateKey()), s.apiVersion()));
        }
        return envClientId.map(id -> SalesforceConnection.clientCredentials(envLoginUrl.orElse("https://login.salesforce.com"),
                id, envClientSecret.orElse("")));
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
        return plain == null || plain.isBlank() ? null : secrets.encrypt(plain.trim());
    }

    private String open(byte[] sealed) {
        return sealed == null ? null : secrets.decrypt(sealed);
    }
}
