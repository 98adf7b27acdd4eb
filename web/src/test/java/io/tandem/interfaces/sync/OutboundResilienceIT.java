package io.tandem.interfaces.sync;

import io.tandem.launcher.PayaraMicro;
import io.tandem.testing.Api;
import io.tandem.testing.Database;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drain across instances and crashes: two Tandems on one database never send an entry twice; a
 * server killed with SIGKILL mid-drain, restarted, still makes exactly one Lead per new contact.
 */
@ExtendWith(TandemServer.class)
class OutboundResilienceIT {

    private static final Duration WAIT = Duration.ofMinutes(3);

    @Test
    void twoInstancesDrainingOneDatabaseSendEachEntryOnce(TandemServer.Running tandem) {
        Database db = tandem.database();
        try (PayaraMicro second = tandem.startAnother()) {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            long logsBefore = db.count("SELECT COALESCE(MAX(id), 0) FROM sync_logs");
            for (int b = 0; b < 3; b++) {
                Api.Response r = tandem.admin().post("/api/contacts/batch", batch("two-" + tag, b * 1000, 1000));
                assertEquals(200, r.status(), r.body());
            }
            Eventually.await(WAIT, () -> db.count("SELECT COUNT(*) FROM contacts WHERE email LIKE ? AND sf_id IS NULL", "two-" + tag + "%"),
                    n -> n == 0);
            assertEquals(3000, leads(tandem, "two-" + tag), "one Lead per contact");
            assertEquals(0, db.count("SELECT COUNT(*) FROM (SELECT l.contact_id FROM sync_log_records l JOIN sync_logs s ON s.id = l.log_id "
                    + "WHERE s.direction = 'OUTBOUND' AND s.id > ? AND l.outcome = 'CREATED' GROUP BY l.contact_id HAVING COUNT(*) > 1) twice",
                    logsBefore), "no contact created twice");
            assertTrue(second.isAlive(), "the second instance drained beside the first throughout");
        }
    }

    @Test
    void aServerKilledMidDrainMakesExactlyOneLeadPerContact(TandemServer.Running tandem) {
        Database db = tandem.database();
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        sf.post("/__emulator/config", "{\"faults\":{\"latencyMs\":40}}");
        try {
            for (int b = 0; b < 4; b++) {
                assertEquals(200, tandem.admin().post("/api/contacts/batch", batch("kill-" + tag, b * 1000, 1000)).status());
            }
            Eventually.await(WAIT, () -> db.count("SELECT COUNT(*) FROM contacts WHERE email LIKE ? AND sf_id IS NOT NULL", "kill-" + tag + "%"),
                    n -> n >= 200);
            tandem.killAndRestart();
        } finally {
            sf.post("/__emulator/config", "{\"faults\":{\"latencyMs\":0}}");
        }
        Eventually.await(WAIT, () -> db.count("SELECT COUNT(*) FROM contacts WHERE email LIKE ? AND sf_id IS NULL", "kill-" + tag + "%"),
                n -> n == 0);
        assertEquals(4000, leads(tandem, "kill-" + tag), "exactly one Lead per contact, though the server died between creates and commits");
        assertEquals(0, db.count("SELECT COUNT(*) FROM outbox o JOIN contacts c ON c.id = o.record_id WHERE c.email LIKE ? "
                + "AND o.status <> 'SENT'", "kill-" + tag + "%"), "every change ended sent");
    }

    private static long leads(TandemServer.Running tandem, String prefix) {
        String soql = "SELECT COUNT() FROM Lead WHERE Email LIKE '" + prefix + "%'";
        return Api.anonymous(tandem.emulator().baseUrl()).get("/__emulator/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8))
                .json().getJsonNumber("totalSize").longValue();
    }

    private static String batch(String prefix, int from, int size) {
        StringBuilder sb = new StringBuilder("{\"contacts\":[");
        for (int i = 0; i < size; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"email\":\"").append(prefix).append('-').append(from + i)
                    .append("@resilience-it.example\",\"lastName\":\"N").append(from + i).append("\"}");
        }
        return sb.append("]}").toString();
    }
}
