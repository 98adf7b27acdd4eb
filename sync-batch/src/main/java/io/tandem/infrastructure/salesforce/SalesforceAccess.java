package io.tandem.infrastructure.salesforce;

import io.tandem.domain.model.connection.ConnectionRepository;
import io.tandem.domain.model.connection.SavedConnection;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceOrg;
import io.tandem.domain.service.SecretBox;
import io.tandem.domain.shared.InvalidValueException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The org in force: the connection saved in Settings → Connection (secrets opened from the box), else
 * {@code TANDEM_SF_LOGIN_URL}, {@code TANDEM_SF_CLIENT_ID} and {@code TANDEM_SF_CLIENT_SECRET}. One
 * client, and so one session, serves every job and timer; a changed connection gets a new client at its
 * next use.
 */
@ApplicationScoped
public class SalesforceAccess implements SalesforceOrg {

    private static final String DEFAULT_LOGIN = "https://login.salesforce.com";

    @Inject
    ConnectionRepository connections;
    @Inject
    SecretBox secrets;
    @Inject
    @ConfigProperty(name = "tandem.sf.login-url")
    Optional<String> envLoginUrl;
    @Inject
    @ConfigProperty(name = "tandem.sf.client-id")
    Optional<String> envClientId;
    @Inject
    @ConfigProperty(name = "tandem.sf.client-secret")
    Optional<String> envClientSecret;
    @Resource
    ManagedExecutorService executor;

    private SalesforceConnection current;
    private SalesforceGateway gateway;

    @Override
    public synchronized Optional<SalesforceGateway> gateway() {
        Optional<SalesforceConnection> connection = connection();
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        if (!connection.get().equals(current)) {
            current = connection.get();
            gateway = new RestSalesforceGateway(new SalesforceClient(current), current.apiVersion(), executor);
        }
        return Optional.of(gateway);
    }

    @Override
    public Optional<FromEnvironment> fromEnvironment() {
        return envClientId.map(id -> new FromEnvironment(envLoginUrl.orElse(DEFAULT_LOGIN), id, envClientSecret.isPresent()));
    }

    @Override
    public Check check() {
        Optional<SalesforceConnection> connection;
        try {
            connection = connection();
        } catch (InvalidValueException e) {
            return new Check(false, e.getMessage(), null, null);
        }
        if (connection.isEmpty()) {
            return new Check(false, "No connection is configured: save one, or set TANDEM_SF_CLIENT_ID and its secret.", null, null);
        }
        SalesforceClient client = new SalesforceClient(connection.get());
        try {
            client.login();
        } catch (SalesforceException e) {
            return new Check(false, "Salesforce refused the login at " + connection.get().loginUrl() + ": " + e.getMessage(), null, null);
        }
        try {
            client.get("/services/data/" + connection.get().apiVersion() + "/limits");
            return client.usage().map(u -> new Check(true, "Connected; the org has used " + u.used() + " of "
                    + u.max() + " API requests in the last 24 hours.", u.used(), u.max()))
                    .orElse(new Check(true, "Connected.", null, null));
        } catch (SalesforceException e) {
            return new Check(false, "Logged in, but the API answered: " + e.getMessage()
                    + (e.status() == 403 ? " (the integration user needs API access and View Setup)" : ""), null, null);
        }
    }

    @Override
    public Authorization redeemCode(String loginUrl, String clientId, String clientSecret, String code, String redirectUri) {
        SalesforceClient client = new SalesforceClient(new SalesforceConnection(loginUrl, SalesforceConnection.Flow.REFRESH_TOKEN,
                clientId, clientSecret, null, null, null, "v62.0"));
        try {
            return new Authorization(client.redeemCode(code, redirectUri), "Salesforce granted access.");
        } catch (SalesforceException e) {
            return new Authorization(null, "Salesforce refused the code at " + loginUrl + ": " + e.getMessage()
                    + (e.getMessage().contains("redirect_uri") ? " (the connected app's callback URL must be " + redirectUri + ")" : ""));
        }
    }

    /** The connection in force, secrets opened; empty when none is configured. */
    Optional<SalesforceConnection> connection() {
        Optional<SavedConnection> saved = connections.saved();
        if (saved.isPresent()) {
            SavedConnection s = saved.get();
            return Optional.of(new SalesforceConnection(s.loginUrl(), SalesforceConnection.Flow.valueOf(s.flow()), s.clientId(),
                    open(s.clientSecret()), open(s.refreshToken()), s.username(), open(s.privateKey()), s.apiVersion()));
        }
        return fromEnvironment().map(env -> SalesforceConnection.clientCredentials(env.loginUrl(), env.clientId(),
                envClientSecret.orElse("")));
    }

    private String open(byte[] sealed) {
        return sealed == null ? null : secrets.open(sealed);
    }
}
