package io.tandem.interfaces.contacts;

import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every local change writes its outbox entry in its own transaction, and only when it should. */
@ExtendWith(TandemServer.class)
class OutboxIT {

    @Test
    void changesAreQueuedWithTheirFieldsAndNoChangeQueuesNothing(TandemServer.Running tandem) {
        String email = "ob." + UUID.randomUUID().toString().substring(0, 8) + "@outbox.example";
        long id = tandem.admin().post("/api/contacts", "{\"email\":\"" + email + "\",\"firstName\":\"Ada\"}").json().getJsonNumber("id").longValue();
        assertEquals(1, entries(tandem, id));
        assertTrue(fields(tandem, id, 0).contains("firstName"));

        tandem.admin().post("/api/contacts", "{\"email\":\"" + email + "\",\"firstName\":\"Ada\"}");
        assertEquals(1, entries(tandem, id), "the same value again is no change");

        tandem.admin().patch("/api/contacts/" + id, "{\"title\":\"CTO\",\"city\":\"Lyon\"}");
        assertEquals(2, entries(tandem, id));
        assertEquals("title,city", fields(tandem, id, 1));

        JsonObject queue = tandem.admin().get("/api/sync/queue").json();
        assertTrue(queue.containsKey("total"), "the drain may have sent them already");
        assertTrue(queue.containsKey("items") && queue.containsKey("next") && queue.containsKey("oldestQueuedAt"));
    }

    @Test
    void aFailedChangeLeavesNoEntryAndNoHalfChange(TandemServer.Running tandem) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String taken = "taken." + tag + "@outbox.example";
        tandem.admin().post("/api/contacts", "{\"email\":\"" + taken + "\"}");
        long id = tandem.admin().post("/api/contacts", "{\"email\":\"mover." + tag + "@outbox.example\",\"title\":\"Old\"}")
                .json().getJsonNumber("id").longValue();
        assertEquals(400, tandem.admin().patch("/api/contacts/" + id, "{\"title\":\"New\",\"email\":\"" + taken + "\"}").status());
        assertEquals("Old", tandem.admin().get("/api/contacts/" + id).json().getString("title"), "rolled back together");
        assertEquals(1, entries(tandem, id));
    }

    @Test
    void syncSkipAndWriteOffQueueNothing(TandemServer.Running tandem) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long skipped = tandem.admin().post("/api/contacts?sync=skip", "{\"email\":\"skip." + tag + "@outbox.example\"}")
                .json().getJsonNumber("id").longValue();
        tandem.admin().patch("/api/contacts/" + skipped, "{\"title\":\"Still waiting\"}");
        assertEquals(0, entries(tandem, skipped), "a skipped contact waits for a push");

        JsonObject settings = tandem.admin().get("/api/settings/sync").json();
        String off = settings.toString().replace("\"writeContacts\":true", "\"writeContacts\":false");
        assertEquals(200, tandem.admin().send(tandem.admin().request("/api/settings/sync").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(off))).status());
        try {
            long readOnly = tandem.admin().post("/api/contacts", "{\"email\":\"ro." + tag + "@outbox.example\"}").json().getJsonNumber("id").longValue();
            assertEquals(0, entries(tandem, readOnly));
        } finally {
            tandem.admin().send(tandem.admin().request("/api/settings/sync").header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(settings.toString())));
        }
    }

    private static long entries(TandemServer.Running tandem, long id) {
        return tandem.database().count("SELECT COUNT(*) FROM outbox WHERE record_type = 'CONTACT' AND record_id = ?", id);
    }

    private static String fields(TandemServer.Running tandem, long id, int n) {
        Map<String, Object> row = tandem.database().query("SELECT fields FROM outbox WHERE record_type = 'CONTACT' AND record_id = ? ORDER BY id",
                id).get(n);
        return (String) row.get("fields");
    }
}
