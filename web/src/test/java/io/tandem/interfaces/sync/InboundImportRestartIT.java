package io.tandem.interfaces.sync;

import io.tandem.launcher.PayaraMicro;
import io.tandem.testing.Api;
import io.tandem.testing.Database;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The initial import across crashes and instances. It survives the server being killed (SIGKILL)
 * mid-run: after the restart it resumes after the last committed chunk, and every Salesforce record is
 * read exactly once; records deleted in Salesforce while it runs, read or not yet read, end up deleted or
 * never arrive. A second instance on the same database leaves an import the first one runs alone.
 */
@ExtendWith(TandemServer.class)
class InboundImportRestartIT {

    /** The fresh start of the import under test (a resume keeps it): logs before it are the import the server began by itself. */
    static final String THIS_IMPORT = "(SELECT started_at FROM sync_import WHERE id = 1)";

    @Test
    void resumesAfterAKillWithNothingReadTwiceOrMissed(TandemServer.Running tandem) {
        Api sf = seededOrg(tandem, "{\"accounts\":1500,\"contacts\":16000,\"leads\":14000,\"seed\":11}");
        Database db = tandem.database();

        Api.Response started = tandem.importAfresh("{\"chunkSize\":\"100\",\"bulkThreshold\":\"1000000\"}");
        assertEquals(202, started.status(), started.body());
        // deleted in Salesforce mid-import: Contacts still ahead of the import and Contacts it has already read
        List<String> ahead = ids(sf, "SELECT Id FROM Contact ORDER BY SystemModstamp DESC, Id DESC LIMIT 3");
        ahead.forEach(id -> sf.delete("/__emulator/as-rep/Contact/" + id));
        Eventually.await(Duration.ofSeconds(120), () -> tandem.admin().get("/api/sync/import").json(),
                s -> s.getJsonNumber("done").longValue() >= 2000);
        // Contacts this import has read and applied (the server's own import of this org may have created them first)
        List<String> behind = db.query("SELECT l.sf_id FROM sync_log_lines l JOIN sync_logs s ON s.id = l.log_id WHERE s.started_at >= "
                        + THIS_IMPORT + " AND s.trigger_by = 'import' AND s.object = 'Contact' AND l.outcome IN ('CREATED', 'UPDATED', "
                        + "'UNCHANGED') ORDER BY l.log_id, l.id LIMIT 3")
                .stream().map(r -> (String) r.get("sf_id")).toList();
        assertEquals(3, behind.size(), "the import has read Contacts by now");
        behind.forEach(id -> sf.delete("/__emulator/as-rep/Contact/" + id));
        long killedExecution = tandem.admin().get("/api/sync/import").json().getJsonNumber("executionId").longValue();
        Duration restart = tandem.killAndRestart();
        JsonObject cutOff = tandem.admin().get("/api/sync/import").json();
        assertTrue(cutOff.getJsonNumber("done").longValue() < cutOff.getJsonNumber("total").longValue(),
                "killed mid-run: " + cutOff + " (restart took " + restart.toSeconds() + " s)");

        JsonObject done = Eventually.await(Duration.ofMinutes(4), () -> tandem.admin().get("/api/sync/import").json(),
                s -> s.getString("status").equals("COMPLETED"));
        assertEquals(done.getJsonNumber("total").longValue(), done.getJsonNumber("done").longValue(), done.toString());
        JsonObject killed = tandem.admin().get("/api/sync/jobs/" + killedExecution).json();
        assertEquals("ABANDONED", killed.getString("status"), "the killed execution is not left STARTED in the job list: " + killed);

        // the Contacts deleted after the import read them come through once more, deleted: a new version, not a re-read
        List<String> deleted = new ArrayList<>(ahead);
        deleted.addAll(behind);
        String in = "('" + String.join("','", deleted) + "')";
        String importedOnce = "SELECT COUNT(*) FROM (SELECT l.sf_id FROM sync_log_lines l JOIN sync_logs s ON s.id = l.log_id "
                + "WHERE s.started_at >= " + THIS_IMPORT + " AND s.trigger_by = 'import' AND l.sf_id NOT IN " + in
                + " GROUP BY l.sf_id HAVING COUNT(*) > 1) twice";
        assertEquals(0, db.count(importedOnce), "no record applied twice across the kill");
        long logged = db.count("SELECT COUNT(*) FROM sync_log_lines l JOIN sync_logs s ON s.id = l.log_id "
                + "WHERE s.started_at >= " + THIS_IMPORT + " AND s.trigger_by = 'import'");
        assertEquals(done.getJsonNumber("total").longValue(), logged, "every record read was applied and logged once");
        Eventually.await(Duration.ofSeconds(60), () -> db.count("SELECT COUNT(*) FROM contacts WHERE sf_id IN " + in), n -> n == 0);
        assertEquals(3, db.count("SELECT COUNT(*) FROM contacts WHERE sf_deleted = TRUE AND sf_id IS NULL AND id IN "
                + "(SELECT l.contact_id FROM sync_log_lines l WHERE l.sf_id IN " + in + ")"),
                "the Contacts read before their deletion are marked deleted; those deleted ahead never became contacts");
        long inOrg = count(sf, "Account") + count(sf, "Contact") + count(sf, "Lead");
        assertTrue(logged <= inOrg + 2L * deleted.size() && logged >= 31_500 - 200, "the import read the seeded org (" + inOrg + " records, with what other "
                + "tests' contacts added), less what changed in its last seconds, which the poll reads: " + logged);
    }

    @Test
    void anImportRunningOnOneInstanceIsLeftAloneByAnother(TandemServer.Running tandem) {
        Api sf = seededOrg(tandem, "{\"accounts\":500,\"contacts\":6000,\"leads\":4000,\"seed\":13}");
        Database db = tandem.database();
        try (PayaraMicro second = tandem.startAnother()) {
            // every page slow enough that the import surely still runs when the other instance is asked to stop it
            sf.post("/__emulator/config", "{\"faults\":{\"latencyMs\":1500}}");
            try {
                Api.Response started = tandem.importAfresh("{\"chunkSize\":\"100\",\"bulkThreshold\":\"1000000\"}");
                assertEquals(202, started.status(), started.body());
                Api other = Api.basic(second.baseUrl(), "admin", TandemServer.ADMIN_PASSWORD);
                // the second instance's timers look at the running import every 2 s; before the import's lock
                // they took it for one cut off by a crash and launched a second execution beside it
                JsonObject seen = Eventually.await(Duration.ofSeconds(60), () -> other.get("/api/sync/import").json(),
                        s -> s.getJsonNumber("done").longValue() >= 1000);
                java.time.Instant after = java.time.Instant.now();
                Eventually.await(Duration.ofSeconds(30), () -> other.get("/api/sync/overview").json().getJsonObject("inbound"),
                        in -> !in.isNull("lastPoll") && java.time.Instant.parse(in.getJsonObject("lastPoll").getString("at")).isAfter(after));
                Api.Response stop = other.post("/api/sync/import/stop", "{}");
                assertEquals(409, stop.status(), stop.body());
                assertTrue(stop.body().contains("another Tandem instance runs the import"), stop.body());
                assertEquals(seen.getJsonNumber("executionId").longValue(),
                        other.get("/api/sync/import").json().getJsonNumber("executionId").longValue(), "still the first execution");
            } finally {
                sf.post("/__emulator/config", "{\"faults\":{\"latencyMs\":0}}");
            }
            JsonObject done = Eventually.await(Duration.ofMinutes(4), () -> tandem.admin().get("/api/sync/import").json(),
                    s -> s.getString("status").equals("COMPLETED"));
            assertEquals(done.getJsonNumber("total").longValue(), done.getJsonNumber("done").longValue(), done.toString());
            assertEquals(0, db.count("SELECT COUNT(*) FROM (SELECT l.sf_id FROM sync_log_lines l JOIN sync_logs s ON s.id = l.log_id "
                    + "WHERE s.started_at >= " + THIS_IMPORT + " AND s.trigger_by = 'import' GROUP BY l.sf_id HAVING COUNT(*) > 1) twice"),
                    "one execution read each record once");
            assertTrue(second.isAlive());
        }
    }

    /** The emulator's org emptied and seeded anew; answers a client of its control and query endpoints. */
    private static Api seededOrg(TandemServer.Running tandem, String seed) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        sf.post("/__emulator/reset", "{}");
        sf.post("/__emulator/seed", seed);
        return sf;
    }

    private static List<String> ids(Api sf, String soql) {
        return sf.get("/__emulator/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8)).json().getJsonArray("records").stream()
                .map(v -> v.asJsonObject().getString("Id")).toList();
    }

    private static long count(Api sf, String object) {
        return sf.get("/__emulator/query?q=" + URLEncoder.encode("SELECT COUNT() FROM " + object, StandardCharsets.UTF_8)).json()
                .getJsonNumber("totalSize").longValue();
    }
}
