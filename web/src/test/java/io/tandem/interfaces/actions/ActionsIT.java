package io.tandem.interfaces.actions;

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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Salesforce actions on Payara Micro, MariaDB and the emulator: a Task with every field, a Lead given to a
 * queue despite an active assignment rule, an add to a Salesforce campaign (a status it lacks fails with
 * why), a Task that waits for its contact's link, contacts chosen by a filter through the salesforce-push
 * job, and contacts kept back pushed.
 */
@ExtendWith(TandemServer.class)
class ActionsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aTaskWithEveryFieldLandsOnTheLeadOwnedByTheLeadsOwner(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        Database db = tandem.database();
        long contact = contact(tandem, "task." + tag() + "@actions-it.example");
        String lead = db.awaitLinked(contact, WAIT);
        String leadOwner = query(sf, "SELECT OwnerId FROM Lead WHERE Id = '" + lead + "'").getJsonObject(0).getString("OwnerId");

        Api.Response r = tandem.admin().post("/api/actions", "{\"action\":\"task\",\"contacts\":{\"ids\":[" + contact + "]},\"subject\":\"Call back\","
                + "\"dueDate\":\"2026-12-05\",\"priority\":\"High\",\"status\":\"In Progress\",\"ownerId\":\"record\"}");
        assertEquals(202, r.status(), r.body());
        long action = r.json().getJsonNumber("id").longValue();
        JsonObject done = Eventually.await(WAIT, () -> tandem.admin().get("/api/actions/" + action).json(),
                a -> a.getJsonObject("counts").getInt("done") == 1);
        assertEquals(1, done.getInt("total"));
        assertEquals("done", done.getJsonObject("outcomes").getJsonArray("items").getJsonObject(0).getString("status"), "each contact's outcome");
        JsonObject task = query(sf, "SELECT Id, Subject, ActivityDate, Priority, Status, OwnerId FROM Task WHERE WhoId = '" + lead + "'").getJsonObject(0);
        assertTrue(task.getString("Subject").startsWith("Call back [Tandem action "), task.toString());
        assertEquals("2026-12-05", task.getString("ActivityDate"));
        assertEquals("High", task.getString("Priority"));
        assertEquals("In Progress", task.getString("Status"));
        assertEquals(leadOwner, task.getString("OwnerId"), "the record's owner");
        JsonObject outcome = tandem.admin().get("/api/actions/" + action + "/contacts").json().getJsonArray("items").getJsonObject(0);
        assertEquals(task.getString("Id"), outcome.getString("salesforceId"));

        // a user picked from the list owns the next one; a priority the org lacks fails with Salesforce's words
        JsonArray users = tandem.admin().get("/api/salesforce/users").json().getJsonArray("items");
        String rep = users.getValuesAs(JsonObject.class).stream().filter(u -> !u.getString("id").equals(leadOwner)).findFirst().orElseThrow().getString("id");
        long second = tandem.admin().post("/api/actions", "{\"action\":\"task\",\"contacts\":{\"ids\":[" + contact + "]},\"subject\":\"Send deck\","
                + "\"ownerId\":\"" + rep + "\"}").json().getJsonNumber("id").longValue();
        long third = tandem.admin().post("/api/actions", "{\"action\":\"task\",\"contacts\":{\"ids\":[" + contact + "]},\"subject\":\"Odd\","
                + "\"priority\":\"Urgent\"}").json().getJsonNumber("id").longValue();
        Eventually.await(WAIT, () -> tandem.admin().get("/api/actions/" + second).json(), a -> a.getJsonObject("counts").getInt("done") == 1);
        assertEquals(rep, query(sf, "SELECT OwnerId FROM Task WHERE WhoId = '" + lead + "' AND Subject LIKE 'Send deck%'").getJsonObject(0).getString("OwnerId"));
        JsonObject failed = Eventually.await(WAIT, () -> tandem.admin().get("/api/actions/" + third + "/contacts").json().getJsonArray("items").getJsonObject(0),
                t -> t.getString("status").equals("failed"));
        assertTrue(failed.getString("errorCode").contains("PICKLIST"), failed.toString());

        assertEquals(400, tandem.admin().post("/api/actions", "{\"action\":\"task\",\"contacts\":{\"ids\":[" + contact + "]}}").status(), "no subject");
        assertEquals(400, tandem.admin().post("/api/actions", "{\"action\":\"call\",\"contacts\":{\"ids\":[" + contact + "]}}").status());
        assertEquals(400, tandem.admin().post("/api/actions", "{\"action\":\"task\",\"subject\":\"x\",\"contacts\":{\"ids\":[" + contact + "],"
                + "\"filter\":{}}}").status(), "ids or a filter, not both");
        assertEquals(400, tandem.admin().post("/api/actions", "{\"action\":\"task\",\"subject\":\"x\",\"dueDate\":\"5/12/2026\",\"contacts\":{\"ids\":["
                + contact + "]}}").status());
    }

    @Test
    void aLeadGivenToAQueueStaysThereThoughAnAssignmentRuleIsActive(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        Database db = tandem.database();
        String tag = tag();
        String queue = sf.post("/__emulator/as-rep/Group", "{\"Name\":\"Enterprise " + tag + "\",\"DeveloperName\":\"Enterprise_" + tag
                + "\",\"Type\":\"Queue\"}").json().getString("id");
        assertTrue(tandem.admin().get("/api/salesforce/queues").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(q -> q.getString("id").equals(queue)), "the queue can be picked");
        long contact = contact(tandem, "queue." + tag + "@actions-it.example");
        long contact2 = contact(tandem, "queue2." + tag + "@actions-it.example");
        String lead = db.awaitLinked(contact, WAIT);
        db.awaitLinked(contact2, WAIT);
        assertEquals(200, sf.post("/__emulator/config", "{\"leadAssignmentRule\":{\"active\":true}}").status());
        try {
            long action = tandem.admin().post("/api/actions", "{\"action\":\"queue\",\"contacts\":{\"filter\":{\"q\":\"queue\",\"email\":\"queue." + tag
                    + "@actions-it.example\"}},\"queueId\":\"" + queue + "\"}").json().getJsonNumber("id").longValue();
            Eventually.await(WAIT, () -> tandem.admin().get("/api/actions/" + action).json(), a -> a.getJsonObject("counts").getInt("done") == 1);
            assertEquals(queue, owner(sf, lead), "the rule did not take it back");
            // Tandem's later updates of the Lead leave its owner alone too
            assertEquals(200, tandem.admin().patch("/api/contacts/" + contact, "{\"title\":\"Buyer\"}").status());
            Eventually.await(WAIT, () -> query(sf, "SELECT Title FROM Lead WHERE Id = '" + lead + "'").getJsonObject(0).getString("Title", ""), "Buyer"::equals);
            assertEquals(queue, owner(sf, lead));
            JsonObject shown = tandem.admin().get("/api/actions/" + action).json();
            assertEquals("salesforce-push", shown.getJsonObject("resolving").getString("job"), "a filter is resolved by the push job");
            assertEquals(1, shown.getInt("total"), "only the contact the filter chose");
        } finally {
            sf.post("/__emulator/config", "{\"leadAssignmentRule\":{\"active\":false}}");
        }
    }

    @Test
    void anAddToASalesforceCampaignNeedsAStatusItHas(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        Database db = tandem.database();
        String tag = tag();
        long contact = contact(tandem, "camp." + tag + "@actions-it.example");
        String lead = db.awaitLinked(contact, WAIT);
        String campaign = sf.post("/__emulator/as-rep/Campaign", "{\"Name\":\"Actions " + tag + "\",\"IsActive\":true}").json().getString("id");

        long wrong = tandem.admin().post("/api/actions", "{\"action\":\"campaign\",\"contacts\":{\"ids\":[" + contact + "]},\"salesforceCampaignId\":\""
                + campaign + "\",\"status\":\"Attended\"}").json().getJsonNumber("id").longValue();
        JsonObject failed = Eventually.await(WAIT, () -> tandem.admin().get("/api/actions/" + wrong + "/contacts").json().getJsonArray("items").getJsonObject(0),
                t -> t.getString("status").equals("failed"));
        assertTrue(failed.getString("message").contains("no member status \"Attended\""), failed.toString());
        assertEquals(0, query(sf, "SELECT Id FROM CampaignMember WHERE CampaignId = '" + campaign + "'").size());

        long right = tandem.admin().post("/api/actions", "{\"action\":\"campaign\",\"contacts\":{\"ids\":[" + contact + "]},\"salesforceCampaignId\":\""
                + campaign + "\",\"status\":\"responded\"}").json().getJsonNumber("id").longValue();
        Eventually.await(WAIT, () -> tandem.admin().get("/api/actions/" + right).json(), a -> a.getJsonObject("counts").getInt("done") == 1);
        JsonObject member = query(sf, "SELECT Status, LeadId FROM CampaignMember WHERE CampaignId = '" + campaign + "'").getJsonObject(0);
        assertEquals("Responded", member.getString("Status"), "as the campaign spells it");
        assertEquals(lead, member.getString("LeadId"));
    }

    @Test
    void aTaskWaitsForItsContactsLinkAndContactsKeptBackArePushed(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        Database db = tandem.database();
        String tag = tag();
        long kept = tandem.admin().post("/api/contacts?sync=skip", "{\"email\":\"kept." + tag + "@actions-it.example\",\"lastName\":\"Kept\"}")
                .json().getJsonNumber("id").longValue();
        long push = tandem.admin().post("/api/actions", "{\"action\":\"push\",\"contacts\":{\"ids\":[" + kept + "]}}").json().getJsonNumber("id").longValue();
        Eventually.await(WAIT, () -> tandem.admin().get("/api/actions/" + push).json(), a -> a.getJsonObject("counts").getInt("done") == 1);
        assertTrue(db.awaitLinked(kept, WAIT).startsWith("00Q"), "pushed as a Lead");

        // Salesforce down: the new contact cannot be linked, and its Task waits; once it is back both go, the contact first
        sf.post("/__emulator/config", "{\"faults\":{\"outageSeconds\":12}}");
        long late;
        long action;
        try {
            late = contact(tandem, "late." + tag + "@actions-it.example");
            action = tandem.admin().post("/api/actions", "{\"action\":\"task\",\"contacts\":{\"ids\":[" + late + "]},\"subject\":\"Welcome\"}")
                    .json().getJsonNumber("id").longValue();
            assertEquals(1, tandem.admin().get("/api/actions/" + action).json().getJsonObject("counts").getInt("waiting"));
        } finally {
            // the outage ends by itself
        }
        String lead = db.awaitLinked(late, Duration.ofSeconds(90));
        long done = action;
        Eventually.await(Duration.ofSeconds(90), () -> tandem.admin().get("/api/actions/" + done).json(), a -> a.getJsonObject("counts").getInt("done") == 1);
        assertEquals(1, query(sf, "SELECT Id FROM Task WHERE WhoId = '" + lead + "' AND Subject LIKE 'Welcome%'").size());
        sf.post("/__emulator/config", "{\"faults\":{}}");
    }

    private static String owner(Api sf, String lead) {
        return query(sf, "SELECT OwnerId FROM Lead WHERE Id = '" + lead + "'").getJsonObject(0).getString("OwnerId");
    }

    private static long contact(TandemServer.Running tandem, String email) {
        Api.Response r = tandem.admin().post("/api/contacts", "{\"email\":\"" + email + "\",\"lastName\":\"A\"}");
        assertTrue(r.status() == 201 || r.status() == 200, r.body());
        return r.json().getJsonNumber("id").longValue();
    }

    private static JsonArray query(Api sf, String soql) {
        return sf.get("/__emulator/query?q=" + URLEncoder.encode(soql + (soql.contains("WHERE") ? " AND" : " WHERE") + " IsDeleted = false",
                StandardCharsets.UTF_8)).json().getJsonArray("records");
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
