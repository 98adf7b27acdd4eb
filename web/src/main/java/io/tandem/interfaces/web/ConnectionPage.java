package io.tandem.interfaces.web;

import io.tandem.application.SalesforceConnections;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Settings → Connection (admins): the org Tandem talks to, with any of the three flows. Client
 * credentials take the connected app's id and secret; JWT bearer its id, the integration user and the
 * private key whose certificate the app holds (uploaded as a PEM file); refresh token its id and secret,
 * then a sign-in at Salesforce whose code {@link ConnectionCallbackPage} redeems. Secrets are write-only:
 * the page says whether one is stored, never what it is. "Test" logs in and says in plain words what failed.
 */
@Named
@RequestScoped
public class ConnectionPage {

    @Inject
    SalesforceConnections connections;
    @Inject
    PendingAuthorization pending;
    @Inject
    FacesContext faces;

    private SalesforceConnections.ConnectionView current;
    private String flow;
    private String loginUrl;
    private String clientId;
    private String clientSecret;
    private String refreshToken;
    private String username;
    private Part privateKey;
    private String apiVersion;
    private String testMessage;
    private boolean testOk;
    private String authorizeUrl;
    private String certificate;

    @PostConstruct
    void load() {
        if (!faces.getExternalContext().isUserInRole("admin")) {
            return;
        }
        current = connections.current();
        flow = current.flow() == null ? "client_credentials" : current.flow();
        loginUrl = current.loginUrl() == null ? "https://login.salesforce.com" : current.loginUrl();
        clientId = current.clientId();
        username = current.username();
        apiVersion = current.apiVersion() == null ? "v62.0" : current.apiVersion();
    }

    public String save() {
        boolean uploaded = privateKey != null && privateKey.getSize() > 0;
        String key = privateKeyText();
        if (uploaded && key == null) {
            return null; // the file was refused, with its message
        }
        if (Messages.call("Saved: Tandem uses this connection from its next call on.", () -> connections.save(
                new SalesforceConnections.ConnectionInput(loginUrl, flow, clientId, clientSecret, refreshToken, username, key, apiVersion)))) {
            current = connections.current();
        }
        return null;
    }

    /** JWT bearer without OpenSSL: a key pair made and the connection saved with it; the certificate shown to upload. */
    public String generateKey() {
        SalesforceConnections.GeneratedKey made = Messages.answer(() -> connections.generateJwtKey(loginUrl, clientId, username, apiVersion));
        if (made != null) {
            certificate = made.certificate();
            current = made.connection();
            flow = "jwt_bearer";
            Messages.info("A key pair is made and the connection saved with its private key; upload the certificate below to the"
                    + " connected app (valid until " + Shown.time(made.notAfter()) + "), then test.");
        }
        return null;
    }

    public String test() {
        SalesforceConnections.TestResult r = connections.test();
        testOk = r.ok();
        testMessage = r.message();
        return null;
    }

    /** The refresh-token flow's first leg: checks the app's details and offers the link to Salesforce's consent page. */
    public String signIn() {
        String state = pending.newState();
        SalesforceConnections.Authorization started = Messages.answer(() -> connections.startAuthorization(loginUrl, clientId,
                clientSecret, callbackUrl(), state, apiVersion));
        if (started != null) {
            pending.started(started, clientSecret);
            authorizeUrl = started.url();
        }
        return null;
    }

    /** Where Salesforce sends the browser back: the connected app must list it as a callback URL. */
    public String getCallbackUrl() {
        return callbackUrl();
    }

    private String callbackUrl() {
        ExternalContext ext = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length()) + ext.getRequestContextPath() + "/connection-callback.xhtml";
    }

    private String privateKeyText() {
        if (privateKey == null || privateKey.getSize() == 0) {
            return null;
        }
        if (privateKey.getSize() > SalesforceConnections.MAX_PRIVATE_KEY) {
            Messages.error("privateKey: the file is " + privateKey.getSize() + " bytes; a PEM private key is at most " + SalesforceConnections.MAX_PRIVATE_KEY);
            return null;
        }
        try (InputStream in = privateKey.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
                Messages.error("privateKey: must be a PKCS#8 PEM file (-----BEGIN PRIVATE KEY-----); convert an RSA key with"
                        + " openssl pkcs8 -topk8 -nocrypt");
                return null;
            }
            return text;
        } catch (IOException e) {
            Messages.error("privateKey: the upload could not be read (" + e.getMessage() + ")");
            return null;
        }
    }

    // the connection in force, field by field (page EL reads JavaBeans getters, not record components)
    public String getCurrentFlow() {
        return current == null ? null : current.flow();
    }

    public String getCurrentLoginUrl() {
        return current == null ? null : current.loginUrl();
    }

    public String getCurrentClientId() {
        return current == null ? null : current.clientId();
    }

    public String getSource() {
        return current == null ? null : current.source();
    }

    public boolean isSecretStored() {
        return current != null && current.secretStored();
    }

    public String getUpdatedAt() {
        return current == null ? "" : Shown.time(current.updatedAt());
    }

    public String getFlow() {
        return flow;
    }

    public void setFlow(String flow) {
        this.flow = flow;
    }

    public String getLoginUrl() {
        return loginUrl;
    }

    public void setLoginUrl(String loginUrl) {
        this.loginUrl = loginUrl;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return null;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getRefreshToken() {
        return null;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public Part getPrivateKey() {
        return null;
    }

    public void setPrivateKey(Part privateKey) {
        this.privateKey = privateKey;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getTestMessage() {
        return testMessage;
    }

    public boolean isTestOk() {
        return testOk;
    }

    public String getCertificate() {
        return certificate;
    }

    public String getAuthorizeUrl() {
        return authorizeUrl;
    }
}
