package io.tandem.interfaces.settings;

import io.tandem.testing.Api;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings → Connection: the environment's connection, saving one with encrypted secrets, testing it. */
@ExtendWith(TandemServer.class)
class ConnectionIT {

    @Test
    void savesTestsAndNeverShowsSecrets(TandemServer.Running tandem) {
        JsonObject fromEnv = tandem.admin().get("/api/settings/connection").json();
        assertEquals("environment", fromEnv.getString("source"), "nothing saved yet: TANDEM_SF_* are in force");
        assertTrue(fromEnv.getBoolean("secretStored"));
        assertFalse(fromEnv.toString().contains("tandem-demo-secret"));
        JsonObject ok = tandem.admin().post("/api/settings/connection/test", "{}").json();
        assertTrue(ok.getBoolean("ok"), ok.toString());
        assertTrue(ok.getJsonNumber("apiRequestsMax").longValue() > 0);

        Api.Response wrong = put(tandem, "{\"loginUrl\":\"" + tandem.emulator().baseUrl() + "\",\"flow\":\"client_credentials\","
                + "\"clientId\":\"tandem-demo\",\"clientSecret\":\"not-the-secret\"}");
        assertEquals(200, wrong.status(), wrong.body());
        assertFalse(wrong.body().contains("not-the-secret"));
        assertTrue(wrong.json().getBoolean("secretStored"));
        JsonObject failed = tandem.admin().post("/api/settings/connection/test", "{}").json();
        assertFalse(failed.getBoolean("ok"));
        assertTrue(failed.getString("message").contains("invalid client credentials"), failed.getString("message"));

        Map<String, Object> row = tandem.database().query("SELECT client_secret FROM salesforce_connection").get(0);
        assertFalse(new String((byte[]) row.get("client_secret")).contains("not-the-secret"), "stored encrypted");

        assertEquals(200, put(tandem, "{\"loginUrl\":\"" + tandem.emulator().baseUrl() + "\",\"flow\":\"client_credentials\","
                + "\"clientId\":\"tandem-demo\",\"clientSecret\":\"tandem-demo-secret\"}").status());
        assertTrue(tandem.admin().post("/api/settings/connection/test", "{}").json().getBoolean("ok"));
        assertEquals(200, put(tandem, "{\"loginUrl\":\"" + tandem.emulator().baseUrl() + "\",\"flow\":\"client_credentials\","
                + "\"clientId\":\"tandem-demo\"}").status(), "an absent secret keeps the stored one");
        assertTrue(tandem.admin().post("/api/settings/connection/test", "{}").json().getBoolean("ok"));
    }

    @Test
    void aJwtKeyPairMadeHereConnectsOnceItsCertificateIsOnTheApp(TandemServer.Running tandem) {
        Api.Response bad = tandem.admin().post("/api/settings/connection/jwt-key", "{\"loginUrl\":\"login.salesforce.com\",\"clientId\":\"a\","
                + "\"username\":\"u@example.com\"}");
        assertEquals(400, bad.status());
        assertEquals("loginUrl", bad.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        try {
            Api.Response made = tandem.admin().post("/api/settings/connection/jwt-key", "{\"loginUrl\":\"" + tandem.emulator().baseUrl()
                    + "\",\"clientId\":\"api-jwt-made\",\"username\":\"integration@tandem-demo.example\"}");
            assertEquals(200, made.status(), made.body());
            String certificate = made.json().getString("certificate");
            assertTrue(certificate.startsWith("-----BEGIN CERTIFICATE-----"));
            assertFalse(made.body().contains("PRIVATE KEY"), "the private key stays in Tandem");
            assertEquals("jwt_bearer", made.json().getJsonObject("connection").getString("flow"));
            assertFalse(tandem.admin().post("/api/settings/connection/test", "{}").json().getBoolean("ok"), "the app has no certificate yet");
            assertEquals(200, Api.anonymous(tandem.emulator().baseUrl()).post("/__emulator/config", "{\"jwt\":{\"clientId\":\"api-jwt-made\","
                    + "\"certificate\":" + jakarta.json.Json.createValue(certificate) + "}}").status());
            JsonObject ok = tandem.admin().post("/api/settings/connection/test", "{}").json();
            assertTrue(ok.getBoolean("ok"), ok.toString());
        } finally {
            put(tandem, "{\"loginUrl\":\"" + tandem.emulator().baseUrl() + "\",\"flow\":\"client_credentials\",\"clientId\":\"tandem-demo\","
                    + "\"clientSecret\":\"tandem-demo-secret\"}");
        }
    }

    @Test
    void badSettingsAre400AndOnlyAdminsSeeThem(TandemServer.Running tandem) {
        Api.Response flow = put(tandem, "{\"loginUrl\":\"https://x.my.salesforce.com\",\"flow\":\"magic\",\"clientId\":\"a\",\"clientSecret\":\"b\"}");
        assertEquals(400, flow.status());
        assertEquals("flow", flow.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Response url = put(tandem, "{\"loginUrl\":\"login.salesforce.com\",\"flow\":\"client_credentials\",\"clientId\":\"a\",\"clientSecret\":\"b\"}");
        assertEquals("loginUrl", url.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        String operator = tandem.admin().post("/api/tokens", "{\"name\":\"conn-op\",\"role\":\"operator\"}").json().getString("token");
        assertEquals(403, tandem.anonymous().withToken(operator).get("/api/settings/connection").status());
    }

    private static Api.Response put(TandemServer.Running tandem, String json) {
        return tandem.admin().send(tandem.admin().request("/api/settings/connection").header("Content-Type", "application/json")
                .header("Accept", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
