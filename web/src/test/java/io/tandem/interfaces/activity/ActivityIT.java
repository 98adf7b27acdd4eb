package io.tandem.interfaces.activity;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Marketing events on Payara Micro, MariaDB and the emulator: each pushed once as a completed Task on the
 * linked record, the types Settings → Activity chooses, form submissions upserting their contact, bad input
 * refused per event, and 1,000 events as 1,000 Tasks in a few calls, none doubled by a server killed mid-push.
 */
@ExtendWith(TandemServer.class)
class ActivityIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void anEventBecomesOneCompletedTaskOnTheLinkedLead(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        Database db = tandem.database();
        String tag = tag();
        long contact = tandem.admin().post("/api/contacts", "{\"email\":\"ev." + tag + "@activity-it.example\",\"lastName\":\"Ev\"}")
                .json().getJsonNumber("id").longValue();
        String lead = db.awaitLinked(contact, WAIT);

        Api.Response r = tandem.admin().post("/api/contacts/" + contact + "/events", "{\"type\":\"form_submitted\",\"at\":\"2026-11-02T09:30:00Z\","
                + "\"details\":{\"form\":\"Contact us\",\"message\":\"Call me\"}}");
        assertEquals(201, r.status(), r.body());
        long event = r.json().getJsonNumber("id").longValue();
        JsonObject task = Eventually.await(WAIT, () -> tasks(sf, lead), a -> a.size() == 1).getJsonObject(0);
        assertTrue(task.getString("Subject").startsWith("Form submitted: Contact us"), task.toString());
        assertTrue(task.getString("Subject").endsWith("[Tandem event " + event + "]"), task.toString());
        assertEquals("Completed", task.getString("Status"));
        assertEquals("2026-11-02", task.getString("ActivityDate"));
        assertTrue(task.getString("Description").contains("message: Call me"), task.toString());
        JsonObject listed = Eventually.await(WAIT, () -> tandem.admin().get("/api/contacts/" + contact + "/events").json(),
                l -> !l.getJsonArray("items").getJsonObject(0).isNull("taskId"));
        assertEquals(task.getString("Id"), listed.getJsonArray("items").getJsonObject(0).getString("taskId"));
        assertEquals(1, listed.getInt("total"));

        // a type Settings → Activity leaves out is kept here and not pushed
        JsonObject settings = tandem.admin().get("/api/settings/activity").json();
        assertEquals(3, settings.getJsonArray("pushedTypes").size());
        try {
            assertEquals(200, tandem.admin().put("/api/settings/activity", "{\"pushedTypes\":[\"form_submitted\",\"email_clicked\"],"
                    + "\"taskSubtype\":\"Email\"}").status());
            assertEquals(400, tandem.admin().put("/api/settings/activity", "{\"pushedTypes\":[\"page_opened\"]}").status());
            assertEquals(201, tandem.admin().post("/api/contacts/" + contact + "/events", "{\"type\":\"page_visited\",\"at\":\"2026-11-02T10:00:00Z\","
                    + "\"details\":{\"url\":\"https://example.com/pricing\"}}").status());
            assertEquals(201, tandem.admin().post("/api/contacts/" + contact + "/events", "{\"type\":\"email_clicked\",\"at\":\"2026-11-02T10:01:00Z\","
                    + "\"details\":{\"email\":\"November news\"}}").status());
            JsonArray both = Eventually.await(WAIT, () -> tasks(sf, lead), a -> a.size() == 2);
            assertTrue(both.getValuesAs(JsonObject.class).stream().anyMatch(t -> t.getString("Subject").startsWith("Email clicked: November news")
                    && t.getString("TaskSubtype").equals("Email")), both.toString());
            assertEquals(0, db.count("SELECT COUNT(*) FROM outbox WHERE record_type = 'EVENT' AND record_id IN "
                    + "(SELECT id FROM contact_events WHERE contact_id = ? AND type = 'PAGE_VISITED')", contact), "page visits stay here");
        } finally {
            tandem.admin().put("/api/settings/activity", "{\"pushedTypes\":[\"form_submitted\",\"email_clicked\",\"page_visited\"],\"taskSubtype\":\"Task\"}");
        }
    }

    @Test
    void aFormSubmissionUpsertsItsContactAndBadEventsAreRefusedOneByOne(TandemServer.Running tandem) {
        Database db = tandem.database();
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        String tag = tag();
        String email = "form." + tag + "@activity-it.example";
        Api.Response r = tandem.admin().post("/api/events", "{\"events\":["
                + "{\"email\":\"" + email + "\",\"type\":\"form_submitted\",\"at\":\"2026-11-03T08:00:00Z\",\"details\":{\"form\":\"Demo\"},"
                + "\"contact\":{\"firstName\":\"Fay\",\"lastName\":\"Form\",\"title\":\"Buyer\"}},"
                + "{\"email\":\"" + email + "\",\"type\":\"page_opened\",\"at\":\"2026-11-03T08:01:00Z\"},"
                + "{\"email\":\"" + email + "\",\"type\":\"page_visited\"},"
                + "{\"email\":\"nobody." + tag + "@activity-it.example\",\"type\":\"page_visited\",\"at\":\"2026-11-03T08:02:00Z\"}]}");
        assertEquals(200, r.status(), r.body());
        JsonObject answer = r.json();
        assertEquals(1, answer.getInt("recorded"), answer.toString());
        assertEquals(3, answer.getInt("failed"));
        JsonArray results = answer.getJsonArray("results");
        assertEquals("type", results.getJsonObject(1).getString("field"));
        assertEquals("at", results.getJsonObject(2).getString("field"));
        assertEquals("email", results.getJsonObject(3).getString("field"));
        long contact = results.getJsonObject(0).getJsonNumber("contactId").longValue();
        JsonObject made = tandem.admin().get("/api/contacts/" + contact).json();
        assertEquals("Fay", made.getString("firstName"));
        assertEquals("form", made.getString("systemSource").toLowerCase(java.util.Locale.ROOT), "made by the form: " + made);
        String lead = db.awaitLinked(contact, WAIT);
        assertTrue(Eventually.await(WAIT, () -> tasks(sf, lead), a -> a.size() == 1).getJsonObject(0).getString("Subject").startsWith("Form submitted: Demo"));

        StringBuilder tooMany = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 1001; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"contactId\":").append(contact).append(",\"type\":\"page_visited\",\"at\":\"2026-11-03T08:00:00Z\"}");
        }
        assertEquals(413, tandem.admin().post("/api/events", tooMany.append("]}").toString()).status());
    }

    @Test
    void aThousandEventsBecomeAThousandTasksInAFewCallsNoneDoubledByAServerKilledMidPush(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        Database db = tandem.database();
        String tag = tag();
        StringBuilder people = new StringBuilder("{\"contacts\":[");
        for (int i = 0; i < 100; i++) {
            people.append(i == 0 ? "" : ",").append("{\"email\":\"k").append(i).append('.').append(tag).append("@activity-it.example\",\"lastName\":\"K")
                    .append(i).append("\"}");
        }
        assertEquals(200, tandem.admin().post("/api/contacts/batch", people.append("]}").toString()).status());
        Eventually.await(WAIT, () -> db.count("SELECT COUNT(*) FROM contacts WHERE email LIKE ? AND sf_id IS NOT NULL", "k%." + tag + "@%"), n -> n == 100);
        java.util.List<Long> ids = db.query("SELECT id FROM contacts WHERE email LIKE ? ORDER BY id", "k%." + tag + "@%").stream()
                .map(row -> ((Number) row.get("id")).longValue()).toList();
        String who = String.join(",", db.query("SELECT sf_id FROM contacts WHERE email LIKE ?", "k%." + tag + "@%").stream()
                .map(row -> "'" + row.get("sf_id") + "'").toList());
        StringBuilder events = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 1000; i++) {
            events.append(i == 0 ? "" : ",").append("{\"contactId\":").append(ids.get(i % 100)).append(",\"type\":\"email_clicked\",\"at\":\"")
                    .append(Instant.parse("2026-11-04T00:00:00Z").plusSeconds(i)).append("\",\"details\":{\"email\":\"Issue ").append(i).append("\"}}");
        }
        long logBefore = db.count("SELECT COALESCE(MAX(id), 0) FROM sync_logs");
        // each answer waits 3 s after Salesforce made the Tasks: the kill lands between a call and the outcome's commit
        sf.post("/__emulator/config", "{\"faults\":{\"answerDelayMs\":3000}}");
        try {
            assertEquals(1000, tandem.admin().post("/api/events", events.append("]}").toString()).json().getInt("recorded"));
            Eventually.await(WAIT, () -> taskCount(sf, who), n -> n >= 200);
            tandem.killAndRestart();
        } finally {
            sf.post("/__emulator/config", "{\"faults\":{}}");
        }
        Eventually.await(Duration.ofMinutes(3), () -> db.count("SELECT COUNT(*) FROM outbox WHERE record_type = 'EVENT' AND status <> 'SENT' "
                + "AND record_id IN (SELECT e.id FROM contact_events e JOIN contacts c ON c.id = e.contact_id WHERE c.email LIKE ?)", "k%." + tag + "@%"),
                n -> n == 0);
        assertEquals(1000, taskCount(sf, who), "one Task an event, though the server died between a call and its commit");
        assertEquals(1000, db.count("SELECT COUNT(DISTINCT e.sf_task_id) FROM contact_events e JOIN contacts c ON c.id = e.contact_id "
                + "WHERE c.email LIKE ?", "k%." + tag + "@%"), "each event knows its own Task");
        long calls = db.count("SELECT COALESCE(SUM(api_calls), 0) FROM sync_logs WHERE object = 'Task' AND id > ?", logBefore);
        assertTrue(calls <= 10, "1,000 events in 10 API calls or fewer (the look-up after the restart included): " + calls);
    }

    private static long taskCount(Api sf, String whoIds) {
        return query(sf, "SELECT COUNT() FROM Task WHERE WhoId IN (" + whoIds + ") AND Subject LIKE '%[Tandem event %' AND IsDeleted = false")
                .getInt("totalSize");
    }

    private static JsonArray tasks(Api sf, String whoId) {
        return query(sf, "SELECT Id, Subject, Status, ActivityDate, Description, TaskSubtype FROM Task WHERE WhoId = '" + whoId
                + "' AND IsDeleted = false").getJsonArray("records");
    }

    private static JsonObject query(Api sf, String soql) {
        return sf.get("/__emulator/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8)).json();
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
