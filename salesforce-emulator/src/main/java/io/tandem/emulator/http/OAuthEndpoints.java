package io.tandem.emulator.http;

import io.tandem.emulator.json.Json;
import io.tandem.emulator.json.JsonException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.net.URLEncoder;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /services/oauth2/token} (client credentials, password, refresh token, JWT bearer, authorization
 * code), {@code /services/oauth2/authorize} (the web-server flow's sign-in and consent page) and
 * {@code /services/oauth2/revoke}, answered on the login host and on the instance alike.
 */
final class OAuthEndpoints {

    private static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final Emulation emulation;

    OAuthEndpoints(Emulation emulation) {
        this.emulation = emulation;
    }

    ApiResponse token(Map<String, String> form, String basicAuth, String baseUrl) {
        String grant = form.get("grant_type");
        if (grant == null) {
            return error("invalid_request", "grant type not supported");
        }
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        if (basicAuth != null) {
            String decoded = new String(Base64.getDecoder().decode(basicAuth), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                clientId = decoded.substring(0, colon);
                secret = decoded.substring(colon + 1);
            }
        }
        return switch (grant) {
            case "client_credentials" -> clientCredentials(clientId, secret, baseUrl);
            case "password" -> password(clientId, secret, form.get("username"), form.get("password"), baseUrl);
            case "refresh_token" -> refresh(clientId, secret, form.get("refresh_token"), baseUrl);
            case JWT_GRANT -> jwt(form.get("assertion"), baseUrl);
            case "authorization_code" -> authorizationCode(clientId, secret, form.get("code"), form.get("redirect_uri"), baseUrl);
            default -> error("unsupported_grant_type", "grant type not supported");
        };
    }

    /**
     * The web-server flow's first leg. GET shows a sign-in and consent form for the connected app; POST
     * checks the user's password and sends the browser back to {@code redirect_uri} with a one-time
     * {@code code} and the caller's {@code state}, or with {@code error=access_denied} when the user denies.
     * An unknown client gets an error page, never a redirect. (A real org also checks the callback against
     * the app's list; the emulator's apps have none, so any callback is accepted.)
     */
    ApiResponse authorize(String method, Map<String, String> form) {
        String clientId = form.get("client_id");
        String redirectUri = form.get("redirect_uri");
        if (!"code".equals(form.get("response_type"))) {
            return page(400, "<p>error=unsupported_response_type: response_type must be code</p>");
        }
        if (emulation.sessions().client(clientId) == null) {
            return page(400, "<p>error=OAUTH_EC_APP_NOT_FOUND: the connected app " + html(clientId) + " is not found</p>");
        }
        if (redirectUri == null || !redirectUri.matches("https?://.+")) {
            return page(400, "<p>error=redirect_uri_mismatch: redirect_uri must be an http(s) address</p>");
        }
        String state = form.getOrDefault("state", "");
        if (method.equals("POST")) {
            if (form.containsKey("deny")) {
                return back(redirectUri, "error=access_denied&error_description=" + enc("end-user denied authorization"), state);
            }
            Sessions.Login login = emulation.sessions().login(form.get("username"));
            if (login != null && login.password().equals(form.get("password"))) {
                String code = emulation.sessions().issueCode(login.userId(), clientId, redirectUri, emulation.org().nowMillis());
                return back(redirectUri, "code=" + enc(code), state);
            }
        }
        String failed = method.equals("POST") ? "<p id=\"error\">Please check your username and password.</p>" : "";
        return page(200, "<h1>Allow access?</h1><p>The app " + html(clientId) + " asks to access your data.</p>" + failed
                + "<form method=\"post\" action=\"/services/oauth2/authorize\">"
                + hidden("response_type", "code") + hidden("client_id", clientId) + hidden("redirect_uri", redirectUri) + hidden("state", state)
                + "<label>Username <input id=\"username\" name=\"username\" value=\"" + html(form.getOrDefault("username", "")) + "\"></label>"
                + "<label>Password <input id=\"password\" name=\"password\" type=\"password\"></label>"
                + "<button id=\"allow\" name=\"allow\" type=\"submit\">Allow</button> <button id=\"deny\" name=\"deny\" type=\"submit\">Deny</button></form>");
    }

    private ApiResponse authorizationCode(String clientId, String secret, String code, String redirectUri, String baseUrl) {
        Sessions.Client client = emulation.sessions().client(clientId);
        if (client == null) {
            return error("invalid_client_id", "client identifier invalid");
        }
        if (!client.secret().equals(secret)) {
            return error("invalid_client", "invalid client credentials");
        }
        Sessions.AuthorizationCode grant = emulation.sessions().redeemCode(code, emulation.org().nowMillis());
        if (grant == null || !grant.clientId().equals(clientId)) {
            return error("invalid_grant", "invalid authorization code");
        }
        if (!grant.redirectUri().equals(redirectUri)) {
            return error("redirect_uri_mismatch", "redirect_uri must match configuration");
        }
        return granted(grant.userId(), clientId, baseUrl, client.secret(), emulation.sessions().issueRefreshToken(grant.userId(), clientId));
    }

    private static ApiResponse back(String redirectUri, String query, String state) {
        String to = redirectUri + (redirectUri.contains("?") ? "&" : "?") + query + (state.isEmpty() ? "" : "&state=" + enc(state));
        return ApiResponse.text(302, "", "text/plain").withHeader("Location", to);
    }

    private static ApiResponse page(int status, String body) {
        return ApiResponse.text(status, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Salesforce emulator · Allow access</title></head><body>"
                + body + "</body></html>", "text/html;charset=UTF-8");
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + html(value) + "\">";
    }

    private static String html(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    ApiResponse revoke(String token) {
        if (token == null || !emulation.sessions().revoke(token)) {
            return error("invalid_token", "invalid token");
        }
        return ApiResponse.text(200, "", "text/plain");
    }

    private ApiResponse clientCredentials(String clientId, String secret, String baseUrl) {
        Sessions.Client client = emulation.sessions().client(clientId);
        if (client == null) {
            return error("invalid_client_id", "client identifier invalid");
        }
        if (!client.secret().equals(secret)) {
            return error("invalid_client", "invalid client credentials");
        }
        if (client.runAsUserId() == null) {
            return error("invalid_grant", "no client credentials user enabled");
        }
        return granted(client.runAsUserId(), clientId, baseUrl, client.secret(), null);
    }

    private ApiResponse password(String clientId, String secret, String username, String password, String baseUrl) {
        Sessions.Client client = emulation.sessions().client(clientId);
        if (client == null) {
            return error("invalid_client_id", "client identifier invalid");
        }
        if (secret != null && !client.secret().equals(secret)) {
            return error("invalid_client", "invalid client credentials");
        }
        Sessions.Login login = emulation.sessions().login(username);
        if (login == null || password == null || !password.startsWith(login.password())) {
            return error("invalid_grant", "authentication failure");
        }
        return granted(login.userId(), clientId, baseUrl, client.secret(), null);
    }

    private ApiResponse refresh(String clientId, String secret, String refreshToken, String baseUrl) {
        Sessions.Client client = emulation.sessions().client(clientId);
        if (client == null) {
            return error("invalid_client_id", "client identifier invalid");
        }
        if (secret != null && !client.secret().equals(secret)) {
            return error("invalid_client", "invalid client credentials");
        }
        Sessions.Session grant = emulation.sessions().refreshToken(refreshToken);
        if (grant == null || !grant.clientId().equals(clientId)) {
            return error("invalid_grant", "expired access/refresh token");
        }
        return granted(grant.userId(), clientId, baseUrl, client.secret(), null);
    }

    private ApiResponse jwt(String assertion, String baseUrl) {
        String[] parts = assertion == null ? new String[0] : assertion.split("\\.");
        if (parts.length != 3) {
            return error("invalid_grant", "invalid assertion");
        }
        Map<String, Object> header;
        Map<String, Object> claims;
        try {
            header = Json.parseObject(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            claims = Json.parseObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JsonException e) {
            return error("invalid_grant", "invalid assertion");
        }
        if (!"RS256".equals(header.get("alg"))) {
            return error("invalid_grant", "invalid assertion");
        }
        String clientId = String.valueOf(claims.get("iss"));
        var key = emulation.sessions().jwtKey(clientId);
        Sessions.Client client = emulation.sessions().client(clientId);
        if (client == null || key == null) {
            return error("invalid_client_id", "client identifier invalid");
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return error("invalid_grant", "invalid assertion");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return error("invalid_grant", "invalid assertion");
        }
        String aud = String.valueOf(claims.get("aud"));
        if (!aud.equals("https://login.salesforce.com") && !aud.equals("https://test.salesforce.com") && !aud.equals(baseUrl)) {
            return error("invalid_grant", "audience is invalid");
        }
        long exp;
        try {
            exp = Long.parseLong(String.valueOf(claims.get("exp")).replaceAll("\\.0+$", ""));
        } catch (NumberFormatException e) {
            return error("invalid_grant", "invalid assertion");
        }
        if (exp * 1000 + 180_000 < emulation.org().nowMillis()) {
            return error("invalid_grant", "expired authorization code");
        }
        Sessions.Login login = emulation.sessions().login(String.valueOf(claims.get("sub")));
        if (login == null) {
            return error("invalid_grant", "user hasn't approved this consumer");
        }
        return granted(login.userId(), clientId, baseUrl, null, null);
    }

    /**
     * A session for the user; {@code secret} signs the answer (null for JWT, which answers without
     * signature); a {@code refreshToken} (the web-server flow's) comes after the access token.
     */
    private ApiResponse granted(String userId, String clientId, String baseUrl, String secret, String refreshToken) {
        long now = emulation.org().nowMillis();
        Sessions.Session s = emulation.sessions().open(emulation.settings().organizationId(), userId, clientId, now, emulation.settings().tokenLifetimeSeconds());
        String id = baseUrl + "/id/" + emulation.settings().organizationId() + "/" + userId;
        String issuedAt = Long.toString(now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", s.token());
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        if (secret != null) {
            body.put("signature", sign(id + issuedAt, secret));
        }
        body.put("scope", "api");
        body.put("instance_url", baseUrl);
        body.put("id", id);
        body.put("token_type", "Bearer");
        if (secret != null) {
            body.put("issued_at", issuedAt);
        }
        return ApiResponse.json(200, body);
    }

    private static String sign(String data, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static ApiResponse error(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return ApiResponse.json(400, body);
    }
}
