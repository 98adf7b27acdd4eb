package io.tandem.application;

import io.tandem.application.internal.JwtKeys;
import io.tandem.domain.model.connection.ConnectionRepository;
import io.tandem.domain.model.connection.SavedConnection;
import io.tandem.domain.shared.InvalidValueException;
import io.tandem.domain.service.SalesforceOrg;
import io.tandem.domain.service.SecretBox;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /** The largest private key taken, in characters (an RSA 4096 key in PEM is about 3,300). */
    public static final int MAX_PRIVATE_KEY = 16_384;

    /** What an admin sends; absent secrets keep the stored ones. */
    public record ConnectionInput(@MaxSize(255) String loginUrl, @MaxSize(32) String flow, @MaxSize(255) String clientId,
                                  @MaxSize(1024) String clientSecret, @MaxSize(4096) String refreshToken,
                                  @MaxSize(255) String username, @MaxSize(MAX_PRIVATE_KEY) String privateKey,
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
    @Resource
    SessionContext self;

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

    /** A key pair made for the JWT bearer flow: the certificate to upload to the connected app (the private key stays here). */
    public record GeneratedKey(String certificate, Instant notAfter, ConnectionView connection) {
    }

    /**
     * The JWT bearer flow without OpenSSL: makes an RSA key pair, saves the connection with its private key
     * (encrypted, as an uploaded one) and answers the self-signed certificate, valid two years, to upload to
     * the connected app ("Use digital signatures"). The connection works once Salesforce has it.
     */
    public GeneratedKey generateJwtKey(String loginUrl, String clientId, String username, String apiVersion) {
        SavedConnection checked = checked(loginUrl, "jwt_bearer", clientId, username, apiVersion);
        JwtKeys.Pair pair = JwtKeys.generate("Tandem JWT bearer " + checked.clientId(), Instant.now(), 730);
        ConnectionView saved = save(new ConnectionInput(loginUrl, "jwt_bearer", clientId, null, null, username, pair.privateKeyPem(), apiVersion));
        return new GeneratedKey(pair.certificatePem(), pair.notAfter(), saved);
    }

    /** The web-server flow's pending sign-in: where the browser goes, and what the callback needs to finish. */
    public record Authorization(String url, String loginUrl, String clientId, String redirectUri, String apiVersion) {
    }

    /**
     * The refresh-token flow's first leg: checks the app's details as a saved connection would be checked
     * and answers the org's consent page for them; the admin's browser goes there, signs in as the
     * integration user and comes back to {@code redirectUri} with a code (see {@link #completeAuthorization}).
     */
    public Authorization startAuthorization(String loginUrl, String clientId, String clientSecret, String redirectUri, String state,
                                            String apiVersion) {
        SavedConnection checked = checked(loginUrl, "refresh_token", clientId, null, apiVersion);
        if (secretFor(checked.clientId(), clientSecret) == null) {
            throw new InvalidRequestException("clientSecret", "is required for this flow (none is stored for this connected app)");
        }
        String url = checked.loginUrl() + "/services/oauth2/authorize?response_type=code&client_id=" + enc(checked.clientId())
                + "&redirect_uri=" + enc(redirectUri) + "&state=" + enc(state) + "&prompt=login%20consent";
        return new Authorization(url, checked.loginUrl(), checked.clientId(), redirectUri, checked.apiVersion());
    }

    /**
     * The refresh-token flow's second leg: the code is traded for a refresh token, which is saved with the
     * app's id and secret (an empty secret keeps the stored one) as the connection in force, then tested.
     * A code Salesforce refuses changes nothing. No transaction is open while Salesforce is called; the
     * save is a transaction of its own.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public TestResult completeAuthorization(Authorization pending, String clientSecret, String code) {
        if (code == null || code.isBlank() || code.length() > 1024) {
            throw new InvalidRequestException("code", "is missing: Salesforce sent the browser back without one");
        }
        String secret = secretFor(pending.clientId(), clientSecret);
        if (secret == null) {
            throw new InvalidRequestException("clientSecret", "is required for this flow");
        }
        SalesforceOrg.Authorization granted = org.redeemCode(pending.loginUrl(), pending.clientId(), secret, code, pending.redirectUri());
        if (!granted.ok()) {
            return new TestResult(false, granted.message(), null, null);
        }
        self.getBusinessObject(SalesforceConnections.class).save(new ConnectionInput(pending.loginUrl(), "refresh_token",
                pending.clientId(), secret, granted.refreshToken(), null, null, pending.apiVersion()));
        return test();
    }

    /** Logs in and reads the org's limits: says what failed if anything does. Holds no transaction meanwhile. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
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

    /** The public part of a connection, checked as a saved one is (nothing is saved). */
    private static SavedConnection checked(String loginUrl, String flow, String clientId, String username, String apiVersion) {
        try {
            return new SavedConnection(loginUrl, flow, clientId, username, apiVersion, Instant.now());
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
    }

    /** The secret given, else the one stored for the same connected app; null when neither is. */
    private String secretFor(String clientId, String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        return connections.saved().filter(s -> clientId.equals(s.clientId()) && s.clientSecret() != null)
                .map(s -> secrets.open(s.clientSecret())).orElse(null);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private byte[] seal(String plain) {
        return plain == null || plain.isBlank() ? null : secrets.seal(plain.trim());
    }
}
