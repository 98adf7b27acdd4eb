package io.tandem.interfaces.workflows;

import io.tandem.testing.Api;
import io.tandem.testing.Database;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Workflows on Payara Micro, MariaDB and the emulator: refused with the field and why when malformed; a
 * field changed to the watched value runs the steps in order (a Lead given to a queue, then a Task), once per
 * triggering change, in the sync log; other values and inactive workflows run nothing.
 */
@ExtendWith(TandemServer.class)
class WorkflowsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aFieldChangedToTheValueRunsTheStepsInOrder(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        Database db = tandem.database();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String queue = sf.post("/__emulator/as-rep/Group", "{\"Name\":\"Execs " + tag + "\",\"DeveloperName\":\"Execs_" + tag + "\",\"Type\":\"Queue\"}")
                .json().getString("id");

        Api.Response bad = tandem.admin().post("/api/workflows", "{\"name\":\"Bad " + tag + "\",\"trigger\":{\"type\":\"field_changed\"},"
                + "\"steps\":[{\"action\":\"task\",\"subject\":\"x\"}]}");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("trigger.field"), bad.body());
        bad = tandem.admin().post("/api/workflows", "{\"name\":\"Bad " + tag + "\",\"trigger\":{\"type\":\"contact_created\"},\"steps\":[{\"action\":\"task\"}]}");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("steps[0].subject"), bad.body());
        String token = tandem.admin().post("/api/tokens", "{\"name\":\"wf " + tag + "\",\"role\":\"operator\"}").json().getString("token");
        assertEquals(403, tandem.anonymous().withToken(token).post("/api/workflows", "{}").status(), "workflows are an admin's");

        Api.Response made = tandem.admin().post("/api/workflows", "{\"name\":\"New CTO " + tag + "\",\"trigger\":{\"type\":\"field_changed\","
                + "\"field\":\"title\",\"value\":\"CTO " + tag + "\"},\"steps\":[{\"action\":\"queue\",\"queueId\":\"" + queue + "\"},"
                + "{\"action\":\"task\",\"subject\":\"Call the new CTO\",\"priority\":\"High\"}]}");
        assertEquals(201, made.status(), made.body());
        long workflow = made.json().getJsonNumber("id").longValue();
        long idle = tandem.admin().post("/api/workflows", "{\"name\":\"Idle " + tag + "\",\"active\":false,\"trigger\":{\"type\":\"field_changed\","
                + "\"field\":\"title\"},\"steps\":[{\"action\":\"task\",\"subject\":\"Never\"}]}").json().getJsonNumber("id").longValue();

        long contact = tandem.admin().post("/api/contacts", "{\"email\":\"wf." + tag + "@workflows-it.example\",\"lastName\":\"Wf\"}")
                .json().getJsonNumber("id").longValue();
        String lead = db.awaitLinked(contact, WAIT);
        assertEquals(200, tandem.admin().patch("/api/contacts/" + contact, "{\"title\":\"Engineer\"}").status());
        assertEquals(200, tandem.admin().patch("/api/contacts/" + contact, "{\"title\":\"cto " + tag + "\"}").status());

        JsonObject run = Eventually.await(WAIT, () -> tandem.admin().get("/api/workflows/" + workflow + "/runs").json(), r -> r.getInt("total") == 1)
                .getJsonArray("items").getJsonObject(0);
        assertEquals(contact, run.getJsonNumber("contactId").longValue());
        assertTrue(run.getString("triggered").startsWith("title changed to"), run.toString());
        JsonArray actions = run.getJsonArray("actionIds");
        assertEquals(2, actions.size());
        Instant[] done = new Instant[2];
        for (int i = 0; i < 2; i++) {
            long action = actions.getJsonNumber(i).longValue();
            JsonObject outcome = Eventually.await(WAIT, () -> tandem.admin().get("/api/actions/" + action + "/contacts").json().getJsonArray("items")
                    .getJsonObject(0), t -> t.getString("status").equals("done"));
            done[i] = Instant.parse(outcome.getString("updatedAt"));
            assertEquals("workflow", tandem.admin().get("/api/actions/" + action).json().getString("source"));
        }
        assertFalse(done[1].isBefore(done[0]), "the queue step went before the Task step");
        assertEquals(queue, query(sf, "SELECT OwnerId FROM Lead WHERE Id = '" + lead + "'").getJsonObject(0).getString("OwnerId"));
        assertEquals(1, query(sf, "SELECT Id FROM Task WHERE WhoId = '" + lead + "' AND Subject LIKE 'Call the new CTO%'").size());
        assertEquals(1, db.count("SELECT COUNT(*) FROM sync_log_records r JOIN sync_logs l ON l.id = r.log_id WHERE l.object = 'Workflow' "
                + "AND r.contact_id = ?", contact), "the run is in the sync log");
        assertEquals(0, tandem.admin().get("/api/workflows/" + idle + "/runs").json().getInt("total"), "an inactive workflow runs nothing");

        // the same value again is no change; another value runs nothing
        assertEquals(200, tandem.admin().patch("/api/contacts/" + contact, "{\"title\":\"Founder\"}").status());
        assertEquals(1, tandem.admin().get("/api/workflows/" + workflow + "/runs").json().getInt("total"));
        assertEquals(204, tandem.admin().delete("/api/workflows/" + idle).status());
        assertEquals(404, tandem.admin().get("/api/workflows/" + idle).status());
    }

    private static JsonArray query(Api sf, String soql) {
        return sf.get("/__emulator/query?q=" + URLEncoder.encode(soql + " AND IsDeleted = false", StandardCharsets.UTF_8)).json().getJsonArray("records");
    }
}
