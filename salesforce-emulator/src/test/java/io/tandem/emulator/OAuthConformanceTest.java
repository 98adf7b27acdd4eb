package io.tandem.emulator;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** salesforce-api.md §1: the token endpoint's flows, shapes and errors; expired and revoked sessions. */
class OAuthConformanceTest extends EmulatorTest {

    @Test
    void clientCredentialsAnswersTheDocumentedShape() {
        Map<String, Object> t = sf.form("/services/oauth2/token",
                "grant_type=client_credentials&client_id=tandem-demo&client_secret=tandem-demo-secret").map();
        assertEquals(emulator.baseUrl(), t.get("instance_url"));
        assertEquals("Bearer", t.get("token_type"));
        assertEquals("api", t.get("scope"));
        assertFalse(t.containsKey("expires_in"), "Salesforce sends no expires_in");
        assertFalse(t.containsKey("refresh_token"));
        assertTrue(((String) t.get("issued_at")).matches("\\d{13}"), "issued_at is a 13-digit millisecond string");
        String id = (String) t.get("id");
        String[] parts = id.split("/");
        assertEquals("id", parts[parts.length - 3]);
        assertTrue(parts[parts.length - 2].matches("00D[A-Za-z0-9]{15}"), id);
        assertTrue(parts[parts.length - 1].matches("005[A-Za-z0-9]{15}"), id);
        assertTrue(((String) t.get("access_token")).startsWith("00D"));
        assertTrue(Base64.getDecoder().decode((String) t.get("signature")).length == 32);
    }

    @Test
    void basicAuthHeaderCarriesClientCredentialsToo() {
        String basic = Base64.getEncoder().encodeToString("tandem-demo:tandem-demo-secret".getBytes(StandardCharsets.UTF_8));
        Sf.Res r = sf.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.baseUrl() + "/services/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void tokenErrorsAre400WithErrorAndDescription() {
        Sf.Res wrongSecret = sf.form("/services/oauth2/token", "grant_type=client_credentials&client_id=tandem-demo&client_secret=nope");
        assertEquals(400, wrongSecret.status());
        assertEquals("invalid_client", wrongSecret.map().get("error"));
        assertEquals("invalid client credentials", wrongSecret.map().get("error_description"));
        assertEquals("invalid_client_id", sf.form("/services/oauth2/token",
                "grant_type=client_credentials&client_id=who&client_secret=x").map().get("error"));
        assertEquals("unsupported_grant_type", sf.form("/services/oauth2/token", "grant_type=magic").map().get("error"));
    }

    @Test
    void passwordAndRefreshTokenFlows() {
        Sf.Res pw = sf.form("/services/oauth2/token", "grant_type=password&client_id=tandem-demo&client_secret=tandem-demo-secret"
                + "&username=integration@tandem-demo.example&password=demo-password");
        assertEquals(200, pw.status(), pw.body());
        assertEquals("invalid_grant", sf.form("/services/oauth2/token", "grant_type=password&client_id=tandem-demo"
                + "&client_secret=tandem-demo-secret&username=integration@tandem-demo.example&password=wrong").map().get("error"));

        String refresh = (String) sf.control("refresh-token", "{\"clientId\":\"tandem-demo\"}").map().get("refresh_token");
        Sf.Res refreshed = sf.form("/services/oauth2/token", "grant_type=refresh_token&client_id=tandem-demo"
                + "&client_secret=tandem-demo-secret&refresh_token=" + refresh);
        assertEquals(200, refreshed.status(), refreshed.body());
        assertEquals("expired access/refresh token", sf.form("/services/oauth2/token", "grant_type=refresh_token"
                + "&client_id=tandem-demo&client_secret=tandem-demo-secret&refresh_token=dead").map().get("error_description"));
    }

    @Test
    void theWebServerFlowSendsTheBrowserBackWithACodeThatBuysARefreshTokenOnce() {
        String callback = "https://tandem.example/connection-callback.xhtml";
        String ask = "response_type=code&client_id=tandem-demo&redirect_uri=" + enc(callback) + "&state=s-42";
        Sf.Res consent = sf.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.baseUrl() + "/services/oauth2/authorize?" + ask)).GET());
        assertEquals(200, consent.status());
        assertTrue(consent.body().contains("name=\"password\""), consent.body());

        Sf.Res wrong = sf.form("/services/oauth2/authorize", ask + "&username=integration@tandem-demo.example&password=nope");
        assertEquals(200, wrong.status(), "a wrong password shows the form again");
        assertTrue(wrong.body().contains("check your username and password"));
        Sf.Res denied = sf.form("/services/oauth2/authorize", ask + "&deny=");
        assertEquals(302, denied.status());
        assertTrue(denied.header("Location").startsWith(callback + "?error=access_denied&"), denied.header("Location"));
        assertTrue(denied.header("Location").endsWith("&state=s-42"));

        Sf.Res allowed = sf.form("/services/oauth2/authorize", ask + "&username=integration@tandem-demo.example&password=demo-password");
        assertEquals(302, allowed.status(), allowed.body());
        String location = allowed.header("Location");
        assertTrue(location.matches(java.util.regex.Pattern.quote(callback) + "\\?code=aPrx[^&]+&state=s-42"), location);
        String code = java.net.URLDecoder.decode(location.replaceAll(".*code=([^&]+).*", "$1"), StandardCharsets.UTF_8);

        String exchange = "grant_type=authorization_code&client_id=tandem-demo&client_secret=tandem-demo-secret&code=" + enc(code);
        assertEquals("redirect_uri_mismatch", sf.form("/services/oauth2/token", exchange + "&redirect_uri=" + enc("https://elsewhere.example/"))
                .map().get("error"), "a code is for the callback it was issued to");
        allowed = sf.form("/services/oauth2/authorize", ask + "&username=integration@tandem-demo.example&password=demo-password");
        code = java.net.URLDecoder.decode(allowed.header("Location").replaceAll(".*code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        exchange = "grant_type=authorization_code&client_id=tandem-demo&client_secret=tandem-demo-secret&code=" + enc(code)
                + "&redirect_uri=" + enc(callback);
        Sf.Res token = sf.form("/services/oauth2/token", exchange);
        assertEquals(200, token.status(), token.body());
        String refresh = (String) token.map().get("refresh_token");
        assertTrue(refresh != null && refresh.startsWith("5Aep"), token.body());
        assertEquals("invalid_grant", sf.form("/services/oauth2/token", exchange).map().get("error"), "a code serves once");
        assertEquals(200, sf.form("/services/oauth2/token", "grant_type=refresh_token&client_id=tandem-demo"
                + "&client_secret=tandem-demo-secret&refresh_token=" + refresh).status());

        Sf.Res stranger = sf.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.baseUrl()
                + "/services/oauth2/authorize?response_type=code&client_id=who&redirect_uri=" + enc(callback))).GET());
        assertEquals(400, stranger.status(), "an unknown app is an error page, never a redirect");
        assertEquals(null, stranger.header("Location"));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void jwtBearerChecksTheSignatureAgainstTheConfiguredKey() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair keys = gen.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
        sf.control("config", "{\"jwt\":{\"clientId\":\"jwt-app\",\"certificate\":" + io.tandem.emulator.json.Json.write(pem) + "}}");

        long exp = System.currentTimeMillis() / 1000 + 200;
        String good = jwt(keys, "{\"alg\":\"RS256\"}", "{\"iss\":\"jwt-app\",\"sub\":\"integration@tandem-demo.example\","
                + "\"aud\":\"https://login.salesforce.com\",\"exp\":\"" + exp + "\"}");
        Sf.Res ok = sf.form("/services/oauth2/token", "grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=" + good);
        assertEquals(200, ok.status(), ok.body());
        assertFalse(ok.map().containsKey("refresh_token"));

        KeyPair other = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String forged = jwt(other, "{\"alg\":\"RS256\"}", "{\"iss\":\"jwt-app\",\"sub\":\"integration@tandem-demo.example\","
                + "\"aud\":\"https://login.salesforce.com\",\"exp\":" + exp + "}");
        assertEquals("invalid_grant", sf.form("/services/oauth2/token",
                "grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=" + forged).map().get("error"));
        String expired = jwt(keys, "{\"alg\":\"RS256\"}", "{\"iss\":\"jwt-app\",\"sub\":\"integration@tandem-demo.example\","
                + "\"aud\":\"https://login.salesforce.com\",\"exp\":" + (exp - 3600) + "}");
        assertEquals("invalid_grant", sf.form("/services/oauth2/token",
                "grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=" + expired).map().get("error"));
    }

    @Test
    void anExpiredSessionIs401InvalidSessionIdWithWwwAuthenticateToken() {
        sf.control("config", "{\"tokenLifetimeSeconds\":60}");
        sf.login();
        assertEquals(200, sf.get(Sf.V + "/limits").status());
        sf.control("config", "{\"advanceClockSeconds\":61}");
        Sf.Res r = sf.get(Sf.V + "/limits");
        assertEquals(401, r.status());
        assertEquals("Token", r.header("WWW-Authenticate"));
        assertEquals("INVALID_SESSION_ID", r.error().get("errorCode"));
        assertEquals("Session expired or invalid", r.error().get("message"));
    }

    @Test
    void theOAuthSchemeIsAcceptedAndRevokedTokensDie() {
        Sf.Res oauth = sf.send(sf.api(Sf.V + "/limits").header("Authorization", "OAuth " + sf.token).GET());
        assertEquals(200, oauth.status());
        String old = sf.token;
        assertEquals(200, sf.form("/services/oauth2/revoke", "token=" + old).status());
        assertEquals(401, sf.get(Sf.V + "/limits").status());
        sf.login();
        assertNotEquals(old, sf.token);
        assertEquals(401, new Sf(emulator.baseUrl()).get(Sf.V + "/limits").status(), "no token, no API");
    }

    private static String jwt(KeyPair keys, String header, String claims) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(keys.getPrivate());
        s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(s.sign());
    }
}
