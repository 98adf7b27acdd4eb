package io.tandem.interfaces.sync;

import io.tandem.testing.Api;
import io.tandem.testing.Database;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention: an admin forgets the sync history before a time (the hourly timer does the same with the
 * configured days). Log entries go with their records, sent and skipped outbox entries go, failed and
 * waiting ones stay, and nothing newer is touched.
 */
@ExtendWith(TandemServer.class)
class SyncHistoryIT {

    private static final String OLD = "2001-06-01 00:00:00";

    @Test
    void aContactsSyncHistoryAndItsBatchesAreReadThroughTheApi(TandemServer.Running tandem) {
        String email = "history." + ThreadLocalRandom.current().nextInt(1_000_000) + "@sync-history-it.example";
        Api.Response made = tandem.admin().post("/api/contacts", "{\"email\":\"" + email + "\",\"lastName\":\"Hopper\"}");
        assertEquals(201, made.status(), made.body());
        long id = made.json().getJsonNumber("id").longValue();
        JsonObject history = Eventually.await(Duration.ofSeconds(60), () -> tandem.admin().get("/api/contacts/" + id + "/sync-history").json(),
                h -> h.getJsonNumber("total").longValue() > 0);
        JsonObject line = history.getJsonArray("items").getJsonObject(0);
        assertEquals("OUTBOUND", line.getString("direction"));
        assertEquals("CREATED", line.getString("outcome"), line.toString());
        assertTrue(line.containsKey("logId") && history.containsKey("next"), history.toString());
        JsonObject entries = tandem.admin().get("/api/sync/logs?contact=" + id).json();
        assertEquals(line.getJsonNumber("logId").longValue(), entries.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue(),
                "the contact's batches");
        assertEquals(404, tandem.admin().get("/api/contacts/999999999999/sync-history").status());
        Api.Response bad = tandem.admin().get("/api/sync/logs?contact=someone");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("\"contact\""), bad.body());
    }

    @Test
    void historyBeforeATimeIsForgottenAndFailedEntriesStay(TandemServer.Running tandem) {
        Database db = tandem.database();
        long log = 9_000_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        db.execute("INSERT INTO sync_logs (id, direction, object, trigger_by, started_at, duration_ms, status, created, updated, unchanged, "
                + "skipped, failed, conflicts, api_calls) VALUES (?, 'INBOUND', 'Lead', 'poll', ?, 5, 'COMPLETED', 2, 0, 0, 0, 0, 0, 1)", log, OLD);
        db.execute("INSERT INTO sync_log_records (log_id, sf_id, outcome, reason) VALUES (?, '00Q000000000001AAA', 'CREATED', 'old'), "
                + "(?, '00Q000000000002AAA', 'SKIPPED', 'old')", log, log);
        long sent = outbox(db, log + 1, "SENT");
        long skipped = outbox(db, log + 2, "SKIPPED");
        long failed = outbox(db, log + 3, "FAILED");
        db.execute("INSERT INTO api_usage (minute, calls) VALUES (?, 7)", OLD);
        long newerLogs = db.count("SELECT COUNT(*) FROM sync_logs WHERE started_at >= '2002-01-01'");

        Api.Response purged = tandem.admin().delete("/api/sync/logs?before=2002-01-01T00:00:00Z");
        assertEquals(200, purged.status(), purged.body());
        JsonObject counts = purged.json();
        assertEquals(1, counts.getInt("logs"));
        assertEquals(2, counts.getInt("records"));
        assertEquals(2, counts.getInt("outboxEntries"), "the sent and the skipped entry");
        assertEquals(0, db.count("SELECT COUNT(*) FROM sync_log_records WHERE log_id = ?", log));
        assertEquals(0, db.count("SELECT COUNT(*) FROM outbox WHERE id IN (?, ?)", sent, skipped));
        assertEquals(1, db.count("SELECT COUNT(*) FROM outbox WHERE id = ?", failed), "failed entries stay for replay");
        assertEquals(0, db.count("SELECT COUNT(*) FROM api_usage WHERE minute = ?", OLD));
        assertTrue(db.count("SELECT COUNT(*) FROM sync_logs WHERE started_at >= '2002-01-01'") >= newerLogs, "newer history stays");
        db.execute("DELETE FROM outbox WHERE id = ?", failed);

        Api.Response missing = tandem.admin().delete("/api/sync/logs");
        assertEquals(400, missing.status());
        assertTrue(missing.body().contains("\"before\""), missing.body());
        assertEquals(400, tandem.admin().delete("/api/sync/logs?before=last-week").status());
        String token = tandem.admin().post("/api/tokens", "{\"name\":\"history-viewer\",\"role\":\"viewer\"}").json().getString("token");
        assertEquals(403, tandem.anonymous().withToken(token).delete("/api/sync/logs?before=2002-01-01T00:00:00Z").status(),
                "only admins forget history");
    }

    private static long outbox(Database db, long id, String status) {
        db.execute("INSERT INTO outbox (id, record_type, record_id, operation, fields, source, created_at, status, finished_at) "
                + "VALUES (?, 'CONTACT', -1, 'UPDATE', '[]', 'API', ?, ?, ?)", id, OLD, status, OLD);
        return id;
    }
}
