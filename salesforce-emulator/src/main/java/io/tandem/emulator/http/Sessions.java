package io.tandem.emulator.http;

import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The org's connected apps, its users' passwords, and the sessions and refresh tokens they were given.
 * Sessions expire after the org's session lifetime; an expired or revoked token is INVALID_SESSION_ID.
 */
public final class Sessions {

    public record Client(String clientId, String secret, String runAsUserId) {
    }

    public record Login(String username, String password, String userId) {
    }

    public record Session(String token, String userId, String clientId, long issuedAt, long expiresAt) {
    }

    /** A code of the web-server flow: one use, for the client and callback it was issued to, 15 minutes. */
    public record AuthorizationCode(String code, String userId, String clientId, String redirectUri, long expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Login> logins = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Session> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> jwtKeys = new ConcurrentHashMap<>();
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();

    public void addClient(Client client) {
        clients.put(client.clientId(), client);
    }

    public Client client(String clientId) {
        return clientId == null ? null : clients.get(clientId);
    }

    public void addLogin(Login login) {
        logins.put(login.username().toLowerCase(), login);
    }

    public Login login(String username) {
        return username == null ? null : logins.get(username.toLowerCase());
    }

    public void jwtKey(String clientId, PublicKey key) {
        jwtKeys.put(clientId, key);
    }

    public PublicKey jwtKey(String clientId) {
        return jwtKeys.get(clientId);
    }

    public Session open(String orgId, String userId, String clientId, long now, long lifetimeSeconds) {
        String token = orgId.substring(0, 15) + "!" + random(72);
        Session s = new Session(token, userId, clientId, now, now + lifetimeSeconds * 1000);
        sessions.put(token, s);
        return s;
    }

    public String issueRefreshToken(String userId, String clientId) {
        String token = "5Aep" + random(80);
        refreshTokens.put(token, new Session(token, userId, clientId, 0, Long.MAX_VALUE));
        return token;
    }

    public String issueCode(String userId, String clientId, String redirectUri, long now) {
        String code = "aPrx" + random(60);
        codes.put(code, new AuthorizationCode(code, userId, clientId, redirectUri, now + 15 * 60_000));
        return code;
    }

    /** The code's grant, which it gives once; null when unknown, used or expired. */
    public AuthorizationCode redeemCode(String code, long now) {
        AuthorizationCode c = code == null ? null : codes.remove(code);
        return c == null || c.expiresAt() < now ? null : c;
    }

    public Session refreshToken(String token) {
        return token == null ? null : refreshTokens.get(token);
    }

    /** The live session behind a token, or null when unknown, revoked or expired. */
    public Session session(String token, long now) {
        Session s = token == null ? null : sessions.get(token);
        if (s == null) {
            return null;
        }
        if (now >= s.expiresAt()) {
            sessions.remove(token);
            return null;
        }
        return s;
    }

    public boolean revoke(String token) {
        return sessions.remove(token) != null | refreshTokens.remove(token) != null;
    }

    /** Ends every session at once, as an administrator's "expire all sessions" would. */
    public void expireAll() {
        sessions.clear();
    }

    public void clearTokens() {
        sessions.clear();
        refreshTokens.clear();
    }

    private static String random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length).replace('-', 'x').replace('_', 'y');
    }
}
