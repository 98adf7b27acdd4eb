package io.tandem.infrastructure.salesforce;

import jakarta.json.spi.JsonProvider;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/** The token request's form body for each flow; the JWT assertion signed with RS256. */
final class OAuth {

    private static final JsonProvider JSON = JsonProvider.provider();

    private OAuth() {
    }

    static String tokenRequest(SalesforceConnection c, Instant now) {
        return switch (c.flow()) {
            case CLIENT_CREDENTIALS -> "grant_type=client_credentials&client_id=" + enc(c.clientId()) + "&client_secret=" + enc(c.clientSecret());
            case REFRESH_TOKEN -> "grant_type=refresh_token&client_id=" + enc(c.clientId()) + "&client_secret=" + enc(c.clientSecret())
                    + "&refresh_token=" + enc(c.refreshToken());
            case JWT_BEARER -> "grant_type=" + enc("urn:ietf:params:oauth:grant-type:jwt-bearer") + "&assertion=" + enc(jwt(c, now));
        };
    }

    /** The web-server flow's code exchange, for the callback the code was issued to. */
    static String codeRequest(SalesforceConnection c, String code, String redirectUri) {
        return "grant_type=authorization_code&client_id=" + enc(c.clientId()) + "&client_secret=" + enc(c.clientSecret())
                + "&code=" + enc(code) + "&redirect_uri=" + enc(redirectUri);
    }

    /**
     * iss = client id, sub = the user, aud = the login host, exp three minutes ahead; the claims written by
     * JSON-P, so a quote or a backslash in a value stays a value.
     */
    static String jwt(SalesforceConnection c, Instant now) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(JSON.createObjectBuilder().add("alg", "RS256").build().toString()
                .getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(JSON.createObjectBuilder().add("iss", text(c.clientId())).add("sub", text(c.username()))
                .add("aud", text(c.loginUrl())).add("exp", now.getEpochSecond() + 180).build().toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(privateKey(c.privateKeyPem()));
            s.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + b64.encodeToString(s.sign());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SalesforceException(0, "INVALID_KEY", "the private key cannot sign the JWT: " + e.getMessage(), null);
        }
    }

    /**
     * The organization id in a login's identity URL ({@code https://login.salesforce.com/id/00D…/005…}),
     * or null when the answer carries none.
     */
    static String organizationId(String identityUrl) {
        int at = identityUrl.indexOf("/id/");
        if (at < 0) {
            return null;
        }
        String[] parts = identityUrl.substring(at + 4).split("/");
        return parts.length >= 1 && parts[0].startsWith("00D") ? parts[0] : null;
    }

    private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        if (pem == null || !pem.contains("PRIVATE KEY")) {
            throw new IllegalArgumentException("a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----) is required");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
