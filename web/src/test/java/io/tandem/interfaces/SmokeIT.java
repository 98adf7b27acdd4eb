package io.tandem.interfaces;

import io.tandem.testing.Api;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged WAR on Payara Micro with MariaDB: the foundation every other feature stands on. */
@ExtendWith(TandemServer.class)
class SmokeIT {

    @Test
    void readyWithTheDatabaseMigrated(TandemServer.Running tandem) {
        Api.Response ready = tandem.anonymous().get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", ready.json().getString("status"));
        assertTrue(tandem.database().tables().contains("flyway_schema_history"));
        assertEquals(1, tandem.database().count("SELECT COUNT(*) FROM users WHERE username = 'admin'"));
    }

    @Test
    void probesAreOpen(TandemServer.Running tandem) {
        assertEquals(200, tandem.anonymous().get("/health/live").status());
        Api.Response metrics = tandem.anonymous().send(tandem.anonymous().request("/metrics").header("Accept", "text/plain").GET());
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("jvm_uptime"), "Prometheus text with the base metrics");
    }

    @Test
    void apiWithoutCredentialsIs401WithAJsonError(TandemServer.Running tandem) {
        Api.Response r = tandem.anonymous().get("/api/sync/overview");
        assertEquals(401, r.status());
        assertTrue(r.header("WWW-Authenticate").startsWith("Basic"));
        assertEquals("Authorization", r.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void wrongPasswordIs401(TandemServer.Running tandem) {
        Api wrong = Api.basic(tandem.baseUrl(), "admin", "not-the-password");
        assertEquals(401, wrong.get("/api/sync/overview").status());
    }

    @Test
    void pagesRedirectToTheLoginForm(TandemServer.Running tandem) {
        Api.Response r = tandem.anonymous().get("/index.xhtml");
        assertEquals(302, r.status());
        assertTrue(r.header("Location").endsWith("/login.xhtml"), r.header("Location"));
        Api.Response login = tandem.anonymous().get("/login.xhtml");
        assertEquals(200, login.status());
        assertTrue(login.body().contains("Sign in"));
    }

    @Test
    void theDrainTimerFires(TandemServer.Running tandem) {
        JsonObject overview = Eventually.await(Duration.ofSeconds(20),
                () -> tandem.admin().get("/api/sync/overview").json(),
                o -> o.getJsonObject("scheduler").getJsonNumber("drainTicks").longValue() > 0);
        assertEquals(2, overview.getJsonObject("scheduler").getInt("drainIntervalSeconds"));
    }

    @Test
    void aBatchJobRunsToCompletionAndIsRecordedInMariaDb(TandemServer.Running tandem) {
        Api.Response started = tandem.admin().post("/api/sync/jobs", "{\"job\":\"heartbeat\",\"parameters\":{\"message\":\"smoke\"}}");
        assertEquals(202, started.status(), started.body());
        long id = started.json().getJsonNumber("id").longValue();

        JsonObject done = Eventually.await(Duration.ofSeconds(30),
                () -> tandem.admin().get("/api/sync/jobs/" + id).json(),
                e -> !e.getString("status").matches("STARTING|STARTED"));
        assertEquals("COMPLETED", done.getString("status"));
        assertEquals("smoke", done.getJsonObject("parameters").getString("message"));

        String table = tandem.database().tables().stream()
                .filter(t -> t.toUpperCase().endsWith("EXECUTIONINSTANCEDATA")).findFirst()
                .orElseThrow(() -> new AssertionError("No batch tables in MariaDB: " + tandem.database().tables()));
        assertEquals(1, tandem.database().count("SELECT COUNT(*) FROM " + table + " WHERE jobexecid = ? AND batchstatus = 'COMPLETED'", id));

        // a second one, so the list has two pages of one
        long second = tandem.admin().post("/api/sync/jobs", "{\"job\":\"heartbeat\"}").json().getJsonNumber("id").longValue();
        JsonObject first = tandem.admin().get("/api/sync/jobs?limit=1").json();
        assertEquals(1, first.getJsonArray("items").size());
        assertEquals(second, first.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue(), "newest first");
        assertTrue(first.getJsonNumber("total").longValue() >= 2, "total counts every execution, not the page: " + first);
        JsonObject next = tandem.admin().get("/api/sync/jobs?limit=1&cursor=" + first.getString("next")).json();
        assertTrue(next.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue() < second, next.toString());
        assertEquals(400, tandem.admin().get("/api/sync/jobs?limit=0").status());
    }

    @Test
    void aBadJobNameIs400NamingTheField(TandemServer.Running tandem) {
        Api.Response r = tandem.admin().post("/api/sync/jobs", "{\"job\":\"nope\"}");
        assertEquals(400, r.status());
        assertEquals("job", r.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(400, tandem.admin().post("/api/sync/jobs", "{not json").status());
    }
}
