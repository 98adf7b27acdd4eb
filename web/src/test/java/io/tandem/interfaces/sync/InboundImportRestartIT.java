package io.tandem.interfaces.sync;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The initial import survives the server being killed (SIGKILL) mid-run: after the restart it resumes
 * after the last committed chunk, and every Salesforce record is read exactly once.
 */
@ExtendWith(TandemServer.class)
class InboundImportRestartIT {

    @Test
    void resumesAfterAKillWithNothingReadTwiceOrMissed(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        sf.post("/__emulator/reset", "{}");
        sf.post("/__emulator/seed", "{\"accounts\":1500,\"contacts\":16000,\"leads\":14000,\"seed\":11}");
        Database db = tandem.database();
        long logsBefore = db.count("SELECT COALESCE(MAX(id), 0) FROM sync_logs");

        Api.Response started = tandem.importAfresh("{\"chunkSize\":\"100\",\"bulkThreshold\":\"1000000\"}");
        assertEquals(202, started.status(), started.body());
        Eventually.await(Duration.ofSeconds(120), () -> tandem.admin().get("/api/sync/import").json(),
                s -> s.getJsonNumber("done").longValue() >= 2000);
        Duration restart = tandem.killAndRestart();
        JsonObject cutOff = tandem.admin().get("/api/sync/import").json();
        assertTrue(cutOff.getJsonNumber("done").longValue() < cutOff.getJsonNumber("total").longValue(),
                "killed mid-run: " + cutOff + " (restart took " + restart.toSeconds() + " s)");

        JsonObject done = Eventually.await(Duration.ofMinutes(4), () -> tandem.admin().get("/api/sync/import").json(),
                s -> s.getString("status").equals("COMPLETED"));
        assertEquals(done.getJsonNumber("total").longValue(), done.getJsonNumber("done").longValue(), done.toString());

        String importedOnce = "SELECT COUNT(*) FROM (SELECT l.sf_id FROM sync_log_records l JOIN sync_logs s ON s.id = l.log_id "
                + "WHERE s.id > ? AND s.trigger_by = 'import' GROUP BY l.sf_id HAVING COUNT(*) > 1) twice";
        assertEquals(0, db.count(importedOnce, logsBefore), "no record applied twice across the kill");
        long logged = db.count("SELECT COUNT(DISTINCT l.sf_id) FROM sync_log_records l JOIN sync_logs s ON s.id = l.log_id "
                + "WHERE s.id > ? AND s.trigger_by = 'import'", logsBefore);
        assertEquals(done.getJsonNumber("total").longValue(), logged, "every record counted was applied and logged once");
        long inOrg = count(sf, "Account") + count(sf, "Contact") + count(sf, "Lead");
        assertTrue(logged <= inOrg && logged >= 31_500 - 200, "the import read the seeded org (" + inOrg + " records, with what other "
                + "tests' contacts added), less what changed in its last seconds, which the poll reads: " + logged);
    }

    private static long count(Api sf, String object) {
        return sf.get("/__emulator/query?q=" + URLEncoder.encode("SELECT COUNT() FROM " + object, StandardCharsets.UTF_8)).json()
                .getJsonNumber("totalSize").longValue();
    }
}
