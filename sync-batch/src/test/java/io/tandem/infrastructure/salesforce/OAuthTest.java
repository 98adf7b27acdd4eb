package io.tandem.infrastructure.salesforce;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JWT bearer assertion: claims that stay values whatever they hold, signed with the connection's key. */
class OAuthTest {

    @Test
    void claimsWithQuotesBackslashesAndUnicodeStayValuesAndTheSignatureHolds() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String clientId = "3MVG\"9\\x\",\"sub\":\"admin@evil.example";
        SalesforceConnection c = new SalesforceConnection("https://login.salesforce.com", SalesforceConnection.Flow.JWT_BEARER, clientId,
                null, null, "zoë@tandem.example", pem, "v62.0");
        String jwt = OAuth.jwt(c, Instant.ofEpochSecond(1_800_000_000L));
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length);
        JsonObject claims = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8))).readObject();
        assertEquals(clientId, claims.getString("iss"), "a value cannot add a claim");
        assertEquals("zoë@tandem.example", claims.getString("sub"));
        assertEquals("https://login.salesforce.com", claims.getString("aud"));
        assertEquals(1_800_000_180L, claims.getJsonNumber("exp").longValue());
        assertEquals(4, claims.size());
        assertEquals("RS256", Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(parts[0]),
                StandardCharsets.UTF_8))).readObject().getString("alg"));
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(keys.getPublic());
        verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verify.verify(Base64.getUrlDecoder().decode(parts[2])));
    }

    @Test
    void theOrganizationIdIsTheIdentityUrlsFirstSegment() {
        assertEquals("00Dxx0000001gPLEAY", OAuth.organizationId("https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS"));
        assertEquals(null, OAuth.organizationId(""));
        assertEquals(null, OAuth.organizationId("https://acme.my.salesforce.com/id/005xx000001SwiUAAS/00Dxx0000001gPLEAY"));
    }
}
