package io.tandem.infrastructure.salesforce;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tandem's Salesforce client against the emulator over real HTTP: login flows, paging, re-login, retries. */
class SalesforceClientTest extends EmulatedOrgTest {

    @Test
    void pagesThroughAQueryAndReadsTheUsage() {
        control("seed", "{\"accounts\":2500,\"seed\":3}");
        QueryPage page = client.query("SELECT Id, Name, Website FROM Account ORDER BY Id");
        assertEquals(2500, page.totalSize());
        assertFalse(page.done());
        Set<String> ids = new HashSet<>();
        page.records().forEach(r -> ids.add(r.getString("Id")));
        while (!page.done()) {
            page = client.queryMore(page.nextRecordsUrl());
            page.records().forEach(r -> ids.add(r.getString("Id")));
        }
        assertEquals(2500, ids.size());
        assertEquals(2, client.calls());
        assertEquals(2, client.usage().orElseThrow().used());
        assertEquals(100_000, client.usage().orElseThrow().max());
    }

    @Test
    void escapesEveryValueItPutsInAQuery() {
        String name = "O'Brien \\ \"Quotes\"";
        client.send("POST", "/services/data/v62.0/sobjects/Contact", Json.createObjectBuilder().add("LastName", name).build());
        QueryPage found = client.query("SELECT Id, LastName FROM Contact WHERE LastName = " + Soql.quote(name));
        assertEquals(1, found.totalSize());
        assertEquals(name, found.records().get(0).getString("LastName"));
    }

    @Test
    void logsInAgainOnceWhenTheSessionExpires() {
        control("config", "{\"tokenLifetimeSeconds\":60}");
        client.query("SELECT Id FROM Lead");
        control("config", "{\"advanceClockSeconds\":120}");
        assertEquals(0, client.query("SELECT Id FROM Lead").totalSize(), "answered after a silent re-login");
    }

    @Test
    void retriesReadsThroughTransientFailuresButNotWrites() {
        control("config", "{\"faults\":{\"failNext\":2,\"failNextWith\":\"SERVER_UNAVAILABLE\"}}");
        assertEquals(0, client.query("SELECT Id FROM Lead").totalSize());
        control("config", "{\"faults\":{\"failNext\":1,\"failNextWith\":\"UNABLE_TO_LOCK_ROW\"}}");
        SalesforceException locked = assertThrows(SalesforceException.class, () -> client.send("POST",
                "/services/data/v62.0/sobjects/Account", Json.createObjectBuilder().add("Name", "X").build()));
        assertEquals("UNABLE_TO_LOCK_ROW", locked.errorCode());
        assertTrue(locked.isTransient(), "the caller keeps it queued");
    }

    @Test
    void dataErrorsAreNotTransientAndSayWhy() {
        SalesforceException bad = assertThrows(SalesforceException.class, () -> client.query("SELECT Nope FROM Lead"));
        assertEquals("INVALID_FIELD", bad.errorCode());
        assertFalse(bad.isTransient());
        SalesforceException required = assertThrows(SalesforceException.class, () -> client.send("POST",
                "/services/data/v62.0/sobjects/Lead", Json.createObjectBuilder().add("LastName", "Li").build()));
        assertEquals("REQUIRED_FIELD_MISSING", required.errorCode());
        assertEquals(java.util.List.of("Company"), required.fields());
    }

    @Test
    void aWrongSecretFailsLoginInPlainWords() {
        SalesforceClient wrong = new SalesforceClient(SalesforceConnection.clientCredentials(emulator.baseUrl(), "tandem-demo", "nope"));
        SalesforceException e = assertThrows(SalesforceException.class, wrong::login);
        assertEquals("invalid_client", e.errorCode());
        assertTrue(e.getMessage().contains("invalid client credentials"));
    }

    @Test
    void logsInWithAJwtSignedByItsPrivateKey() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair keys = gen.generateKeyPair();
        String publicPem = "-----BEGIN PUBLIC KEY-----\\n" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()) + "\\n-----END PUBLIC KEY-----";
        control("config", "{\"jwt\":{\"clientId\":\"tandem-jwt\",\"certificate\":\"" + publicPem + "\"}}");
        String privatePem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        SalesforceClient jwt = new SalesforceClient(new SalesforceConnection(emulator.baseUrl(), SalesforceConnection.Flow.JWT_BEARER,
                "tandem-jwt", null, null, "integration@tandem-demo.example", privatePem, "v62.0"));
        assertEquals(0, jwt.query("SELECT Id FROM Lead").totalSize());
    }

    @Test
    void readsLimitInfoLikeSalesforceWritesIt() {
        assertEquals(new ApiUsage(18, 5000), ApiUsage.parse("api-usage=18/5000").orElseThrow());
        assertEquals(new ApiUsage(25, 15000), ApiUsage.parse("api-bursts=1/750; api-usage=25/15000").orElseThrow());
        assertTrue(ApiUsage.parse("per-app-api-usage=1/10(appName=x)").isEmpty());
        assertTrue(ApiUsage.parse(null).isEmpty());
    }
}
