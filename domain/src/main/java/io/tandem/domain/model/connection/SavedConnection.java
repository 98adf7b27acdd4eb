package io.tandem.domain.model.connection;

import io.tandem.domain.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/** The one saved Salesforce connection; secrets arrive and leave encrypted. */
@Entity
@Table(name = "salesforce_connection")
public class SavedConnection {

    public static final int ID = 1;
    private static final Set<String> FLOWS = Set.of("CLIENT_CREDENTIALS", "REFRESH_TOKEN", "JWT_BEARER");

    @Id
    private int id = ID;
    @Column(name = "login_url", nullable = false)
    private String loginUrl;
    @Column(nullable = false, length = 24)
    private String flow;
    @Column(name = "client_id", nullable = false)
    private String clientId;
    @Column(name = "client_secret")
    private byte[] clientSecret;
    @Column(name = "refresh_token")
    private byte[] refreshToken;
    private String username;
    @Column(name = "private_key")
    private byte[] privateKey;
    @Column(name = "api_version", nullable = false, length = 8)
    private String apiVersion;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private int version;

    protected SavedConnection() {
    }

    public SavedConnection(String loginUrl, String flow, String clientId, String username, String apiVersion, Instant at) {
        change(loginUrl, flow, clientId, username, apiVersion, at);
    }

    /**
     * Secrets and tokens travel to the login URL: it must be {@code https://}, but for a server on this
     * machine (the emulator, a local proxy), where plain {@code http://} is allowed.
     */
    static void requireSecureLogin(String url) {
        if (url == null || !url.trim().matches("(?i)https?://[^\\s/]+(/.*)?")) {
            throw new InvalidValueException("loginUrl", "must be an https URL such as https://yourdomain.my.salesforce.com");
        }
        String u = url.trim();
        String host = u.substring(u.indexOf("://") + 3).split("[/]", 2)[0].replaceAll(":\\d+$", "").toLowerCase(java.util.Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("[::1]") || host.startsWith("127.");
        if (u.toLowerCase(java.util.Locale.ROOT).startsWith("http://") && !local) {
            throw new InvalidValueException("loginUrl", "must be https: Salesforce secrets travel to it (plain http only for "
                    + "localhost, e.g. the emulator)");
        }
    }

    /** Changes the public part; an encrypted secret stays unless replaced. */
    public final void change(String newLoginUrl, String newFlow, String newClientId, String newUsername, String newApiVersion, Instant at) {
        requireSecureLogin(newLoginUrl);
        String f = newFlow == null ? "" : newFlow.trim().toUpperCase();
        if (!FLOWS.contains(f)) {
            throw new InvalidValueException("flow", "must be one of client_credentials, refresh_token, jwt_bearer");
        }
        if (newClientId == null || newClientId.isBlank()) {
            throw new InvalidValueException("clientId", "is required");
        }
        if (f.equals("JWT_BEARER") && (newUsername == null || newUsername.isBlank())) {
            throw new InvalidValueException("username", "is required for the JWT bearer flow");
        }
        String v = newApiVersion == null || newApiVersion.isBlank() ? "v62.0" : newApiVersion.trim();
        if (!v.matches("v\\d{2}\\.0")) {
            throw new InvalidValueException("apiVersion", "must look like v62.0");
        }
        loginUrl = URI.create(newLoginUrl.trim()).toString().replaceAll("/+$", "");
        flow = f;
        clientId = newClientId.trim();
        username = newUsername == null || newUsername.isBlank() ? null : newUsername.trim();
        apiVersion = v;
        updatedAt = at;
    }

    public void replaceSecrets(byte[] encryptedSecret, byte[] encryptedRefreshToken, byte[] encryptedPrivateKey) {
        if (encryptedSecret != null) {
            clientSecret = encryptedSecret;
        }
        if (encryptedRefreshToken != null) {
            refreshToken = encryptedRefreshToken;
        }
        if (encryptedPrivateKey != null) {
            privateKey = encryptedPrivateKey;
        }
    }

    public String loginUrl() {
        return loginUrl;
    }

    public String flow() {
        return flow;
    }

    public String clientId() {
        return clientId;
    }

    public String username() {
        return username;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public byte[] clientSecret() {
        return clientSecret;
    }

    public byte[] refreshToken() {
        return refreshToken;
    }

    public byte[] privateKey() {
        return privateKey;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
