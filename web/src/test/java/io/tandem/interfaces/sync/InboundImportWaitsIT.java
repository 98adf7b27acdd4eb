package io.tandem.interfaces.sync;

import io.tandem.testing.Api;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The initial import keeps to the rules the poll keeps (§2, §5): an object off inbound is not read; at
 * the API limit it waits; a Salesforce outage makes it wait, saying why, and it goes on by itself after.
 */
@ExtendWith(TandemServer.class)
class InboundImportWaitsIT {

    private static final Duration WAIT = Duration.ofMinutes(3);

    @Test
    void anImportWithLeadsOffReadsNoLead(TandemServer.Running tandem) {
        tandem.ownImportSettled();
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        settled(sf, created(sf, "Contact", "{\"LastName\":\"Toggled\",\"Email\":\"contact@toggles-it.example\"}"));
        settled(sf, created(sf, "Lead", "{\"LastName\":\"Toggled\",\"Company\":\"Toggles\",\"Email\":\"lead@toggles-it.example\"}"));
        JsonObject before = tandem.admin().get("/api/settings/sync").json();
        long lastLog = tandem.database().count("SELECT COALESCE(MAX(id), 0) FROM sync_logs");
        try {
            assertEquals(200, putSettings(tandem, jakarta.json.Json.createObjectBuilder(before).add("syncLeads", false).build().toString())
                    .status());
            assertEquals(202, tandem.importAfresh("{}").status());
            awaitStatus(tandem, "COMPLETED");
            assertTrue(tandem.database().count("SELECT COUNT(*) FROM sync_logs WHERE id > ? AND trigger_by = 'import' AND object = 'Contact'",
                    lastLog) > 0, "Contacts were read");
            assertEquals(0, tandem.database().count("SELECT COUNT(*) FROM sync_logs WHERE id > ? AND trigger_by = 'import' AND object = 'Lead'",
                    lastLog), "no Lead was read");
        } finally {
            putSettings(tandem, before.toString());
        }
    }

    @Test
    void atTheApiLimitTheImportWaitsAndGoesOnWhenThereIsRoom(TandemServer.Running tandem) {
        tandem.ownImportSettled();
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        settled(sf, created(sf, "Contact", "{\"LastName\":\"Limited\",\"Email\":\"contact@limits-it.example\"}"));
        long max = sf.get("/__emulator/config").json().getJsonNumber("dailyApiLimit").longValue();
        // past Tandem's reserve for other integrations, short of the org's own hard limit
        sf.post("/__emulator/config", "{\"apiUsage\":" + (max * 95 / 100) + "}");
        try {
            assertEquals(202, tandem.importAfresh("{}").status());
            JsonObject waiting = awaitStatus(tandem, "WAITING");
            assertTrue(waiting.getString("message").contains("paused at the API limit") && waiting.getString("message").contains("by itself"),
                    waiting.toString());
        } finally {
            sf.post("/__emulator/config", "{\"apiUsage\":0}");
        }
        awaitStatus(tandem, "COMPLETED");
    }

    @Test
    void anImportStartedDuringAnOutageWaitsSayingWhyAndFinishesByItselfAfterIt(TandemServer.Running tandem) {
        tandem.ownImportSettled();
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        // 25 s of 503s: the import's first calls fail after the client's own retries (about 10 s), so it waits
        sf.post("/__emulator/config", "{\"faults\":{\"outageSeconds\":25}}");
        assertEquals(202, tandem.importAfresh("{}").status());
        JsonObject waiting = awaitStatus(tandem, "WAITING");
        assertTrue(waiting.getString("message").startsWith("Salesforce answered"), waiting.toString());
        assertTrue(waiting.getString("message").contains("goes on by itself"), waiting.toString());
        JsonObject done = awaitStatus(tandem, "COMPLETED");
        assertTrue(done.getJsonNumber("done").longValue() > 0, "finished without anyone starting it again: " + done);
    }

    private static String created(Api sf, String object, String json) {
        Api.Response r = sf.post("/__emulator/as-rep/" + object, json);
        assertEquals(201, r.status(), r.body());
        return r.json().getString("id");
    }

    /** Records stamped in the last seconds are left to the next read (they may still change): waits until this one is not. */
    private static void settled(Api sf, String id) {
        java.time.Instant stamp = java.time.Instant.parse(sf.get("/__emulator/records/" + id).json().getString("SystemModstamp")
                .replaceFirst("\\+0000$", "Z"));
        Eventually.await(Duration.ofSeconds(15), java.time.Instant::now, now -> now.minusSeconds(3).isAfter(stamp));
    }

    private static JsonObject awaitStatus(TandemServer.Running tandem, String status) {
        return Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/import").json(), s -> s.getString("status").equals(status));
    }

    private static Api.Response putSettings(TandemServer.Running tandem, String json) {
        return tandem.admin().send(tandem.admin().request("/api/settings/sync").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
