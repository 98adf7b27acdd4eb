package io.tandem.interfaces;

import io.tandem.testing.Api;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Tokens: an admin issues one, it works as a bearer with its role only, and stops working once revoked. */
@ExtendWith(TandemServer.class)
class ApiTokensIT {

    @Test
    void aViewerTokenReadsButCannotStartJobsAndDiesWhenRevoked(TandemServer.Running tandem) {
        Api.Response issued = tandem.admin().post("/api/tokens", "{\"name\":\"dashboard\",\"role\":\"viewer\"}");
        assertEquals(201, issued.status(), issued.body());
        JsonObject token = issued.json();
        Api viewer = tandem.anonymous().withToken(token.getString("token"));

        assertEquals(200, viewer.get("/api/sync/overview").status());
        assertEquals(403, viewer.post("/api/sync/jobs", "{\"job\":\"heartbeat\"}").status());
        assertEquals(403, viewer.get("/api/tokens").status());

        String listed = tandem.admin().get("/api/tokens").body();
        assertFalse(listed.contains(token.getString("token")), "a listing never shows the secret");

        assertEquals(200, tandem.admin().delete("/api/tokens/" + token.getJsonNumber("id").longValue()).status());
        assertEquals(401, viewer.get("/api/sync/overview").status());
    }

    @Test
    void aTokenWithAnExpiryStopsWorkingOnceItPasses(TandemServer.Running tandem) {
        assertEquals(400, tandem.admin().post("/api/tokens", "{\"name\":\"x\",\"role\":\"viewer\",\"expiresInDays\":0}").status());
        Api.Response issued = tandem.admin().post("/api/tokens", "{\"name\":\"short-lived\",\"role\":\"viewer\",\"expiresInDays\":1}");
        assertEquals(201, issued.status(), issued.body());
        java.time.Instant expires = java.time.Instant.parse(issued.json().getString("expiresAt"));
        assertTrue(java.time.Duration.between(java.time.Instant.now(), expires).toHours() >= 23, "a day from now: " + expires);
        Api script = Api.anonymous(tandem.baseUrl()).withToken(issued.json().getString("token"));
        assertEquals(200, script.get("/api/contacts").status());
        tandem.database().execute("UPDATE api_tokens SET expires_at = ? WHERE id = ?", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)),
                issued.json().getJsonNumber("id").longValue());
        assertEquals(401, script.get("/api/contacts").status(), "expired");
    }

    @Test
    void anUnknownRoleIs400(TandemServer.Running tandem) {
        Api.Response r = tandem.admin().post("/api/tokens", "{\"name\":\"x\",\"role\":\"superuser\"}");
        assertEquals(400, r.status());
        assertEquals("role", r.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void aMadeUpTokenIs401(TandemServer.Running tandem) {
        assertEquals(401, tandem.anonymous().withToken("tdm_0000").get("/api/sync/overview").status());
    }
}
