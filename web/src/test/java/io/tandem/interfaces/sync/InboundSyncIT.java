package io.tandem.interfaces.sync;

import io.tandem.testing.Api;
import io.tandem.testing.Database;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Salesforce → Tandem on Payara Micro, MariaDB and the emulator over HTTP: the initial import (through
 * injected 503s, lock errors and expiring sessions), then the poll, one rule of §4 at a time. Each test
 * makes the records it needs and waits for the import it builds on, so any one runs alone.
 */
@ExtendWith(TandemServer.class)
class InboundSyncIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void importsEveryObjectWithTheRulesOfSection4(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        sf.post("/__emulator/reset", "{}");
        sf.post("/__emulator/seed", "{\"accounts\":15,\"contacts\":150,\"leads\":250,\"seed\":7}");
        String account = create(sf, "Account", "{\"Name\":\"Quote's \\\\ Backslash \\\"Co\\\"\",\"Website\":\"https://www.inbound-it.example/about\"}");
        String contact = create(sf, "Contact", "{\"LastName\":\"Ó'Brien \\\"Zoë\\\"\",\"FirstName\":\"Séan\",\"Email\":\"Sean.OBrien@Inbound-IT.example\","
                + "\"AccountId\":\"" + account + "\",\"Title\":\"CTO\"}");
        String shadowedLead = create(sf, "Lead", "{\"LastName\":\"Shadow\",\"Company\":\"X\",\"Email\":\"sean.obrien@inbound-it.example\"}");
        String noEmail = create(sf, "Lead", "{\"LastName\":\"Nomail\",\"Company\":\"Nomail Ltd\"}");
        // Salesforce takes addresses with two dots in a row; Tandem does not
        String badEmail = create(sf, "Lead", "{\"LastName\":\"Dots\",\"Company\":\"Dots Ltd\",\"Email\":\"jo..dots@inbound-it.example\"}");
        String longName = "Ünïcødé \uD83D\uDE80 " + "x".repeat(80 - 11);
        String longTitle = "T".repeat(127) + "é";
        create(sf, "Lead", "{\"LastName\":\"" + longName + "\",\"Title\":\"" + longTitle + "\",\"Company\":\"Long Ltd\","
                + "\"Email\":\"longest@inbound-it.example\"}");
        String older = create(sf, "Lead", "{\"LastName\":\"Older\",\"Company\":\"Twin Ltd\",\"Email\":\"twin@twin-leads.example\"}");
        Eventually.nextSecond();
        String newer = create(sf, "Lead", "{\"LastName\":\"Newer\",\"Company\":\"Twin Ltd\",\"Email\":\"twin@twin-leads.example\"}");
        tandem.admin().send(tandem.admin().request("/api/settings/field-mappings/title").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"mode\":\"two_way\"}")));

        sf.post("/__emulator/config", "{\"faults\":{\"serverUnavailableRate\":0.08,\"unableToLockRowRate\":0.05},\"tokenLifetimeSeconds\":2}");
        Api.Response tooLarge = tandem.importAfresh("{\"chunkSize\":\"1000000\"}");
        assertEquals(400, tooLarge.status(), tooLarge.body());
        assertTrue(tooLarge.body().contains("chunkSize"), tooLarge.body());
        Api.Response started = tandem.importAfresh("{\"chunkSize\":\"40\",\"bulkThreshold\":\"200\"}");
        assertEquals(202, started.status(), started.body());
        JsonObject done = Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/import").json(),
                s -> !s.getString("status").equals("RUNNING"));
        sf.post("/__emulator/config", "{\"faults\":{\"serverUnavailableRate\":0,\"unableToLockRowRate\":0},\"tokenLifetimeSeconds\":7200}");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(done.getJsonNumber("total").longValue(), done.getJsonNumber("done").longValue(), "progress reaches the total");
        // what changed in the last seconds before the import (still open seconds) comes with the first polls
        awaitQuiet(tandem, java.time.Instant.now());

        Database db = tandem.database();
        List<String> accountIds = sf.get("/__emulator/query?q=" + java.net.URLEncoder.encode("SELECT Id FROM Account",
                java.nio.charset.StandardCharsets.UTF_8)).json().getJsonArray("records").stream()
                .map(v -> v.asJsonObject().getString("Id")).toList();
        assertEquals(count(sf, "SELECT COUNT() FROM Account"), accountIds.size());
        assertEquals(accountIds.size(), db.count("SELECT COUNT(*) FROM companies WHERE sf_account_id IN ('" + String.join("','", accountIds)
                + "')"), "a shared company per Account");
        Map<String, Object> sean = db.query("SELECT c.*, co.name AS company_name, co.sf_account_id FROM contacts c "
                + "JOIN companies co ON co.id = c.company_id WHERE email_key = 'sean.obrien@inbound-it.example'").get(0);
        assertEquals(contact, sean.get("sf_id"), "Contact over Lead");
        assertEquals("Ó'Brien \"Zoë\"", sean.get("last_name"));
        assertEquals(account, sean.get("sf_account_id"));
        assertEquals("Quote's \\ Backslash \"Co\"", sean.get("company_name"));
        assertEquals(newer, db.query("SELECT sf_id FROM contacts WHERE email_key = 'twin@twin-leads.example'").get(0).get("sf_id"),
                "of two Leads with one email, the most recently modified: " + db.query("SELECT s.trigger_by, s.object, s.id, "
                        + "l.* FROM sync_log_lines l JOIN sync_logs s ON s.id = l.log_id WHERE sf_id IN (?, ?)", older, newer)
                        + sf.get("/__emulator/records/" + older).body() + sf.get("/__emulator/records/" + newer).body());
        assertEquals("Twin Ltd", db.query("SELECT co.name FROM contacts c JOIN companies co ON co.id = c.company_id "
                + "WHERE email_key = 'twin@twin-leads.example'").get(0).get("name"), "a Lead's standalone company is named from Company");

        assertTrue(reasons(db, badEmail).get(0).contains("invalid email \"jo..dots@inbound-it.example\""), reasons(db, badEmail).toString());
        Map<String, Object> longest = db.query("SELECT last_name, title FROM contacts WHERE email_key = 'longest@inbound-it.example'").get(0);
        assertEquals(longName, longest.get("last_name"), "text at Salesforce's full length, with characters beyond the BMP");
        assertEquals(longTitle, longest.get("title"));
        assertEquals(1, reasons(db, noEmail).size());
        assertTrue(reasons(db, noEmail).get(0).contains("no email"));
        assertTrue(reasons(db, shadowedLead).get(0).contains("belongs to Salesforce Contact " + contact),
                db.query("SELECT s.trigger_by, s.object, s.id, l.* FROM sync_log_lines l JOIN sync_logs s ON s.id = l.log_id WHERE sf_id IN (?, ?)",
                        shadowedLead, contact).toString());
        assertTrue(reasons(db, newer).stream().anyMatch(r -> r.contains("most recently modified")), reasons(db, newer).toString());
        assertTrue(db.count("SELECT COUNT(*) FROM sync_log_lines WHERE reason LIKE 'converted Lead%'") > 0, "converted Leads are skipped");
        long distinctEmails = db.count("SELECT COUNT(DISTINCT email_key) FROM contacts");
        assertEquals(db.count("SELECT COUNT(*) FROM contacts"), distinctEmails, "one contact per email");
        assertEquals(0, db.count("SELECT COUNT(*) FROM contacts WHERE sf_id IS NOT NULL AND system_source <> 'SALESFORCE' "
                + "AND created_at > NOW() - INTERVAL 1 HOUR AND email_key LIKE '%inbound-it%'"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM outbox WHERE source = 'SALESFORCE'"), "inbound never queues outbound");
        assertEquals(0, db.count("SELECT COUNT(*) FROM (SELECT sf_id FROM sync_log_lines l JOIN sync_logs s ON s.id = l.log_id "
                + "WHERE s.trigger_by = 'import' AND s.started_at >= " + InboundImportRestartIT.THIS_IMPORT
                + " AND l.sf_id IS NOT NULL GROUP BY sf_id HAVING COUNT(*) > 1) twice"),
                "no record read twice, though the org failed calls and expired sessions");

        JsonObject logs = tandem.admin().get("/api/sync/logs?direction=inbound&object=Lead&limit=5").json();
        assertTrue(logs.getJsonNumber("total").longValue() > 0);
        JsonObject entry = logs.getJsonArray("items").getJsonObject(0);
        assertEquals("INBOUND", entry.getString("direction"));
        JsonObject skipped = tandem.admin().get("/api/sync/logs/" + entry.getJsonNumber("id") + "/records?outcome=skipped").json();
        assertNotNull(skipped.getJsonArray("items"));
        assertEquals(400, tandem.admin().get("/api/sync/logs?direction=sideways").status());
    }

    @Test
    void pollAppliesEditsConversionsMovesDeletesAndMerges(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        Database db = tandem.database();
        String sean = "poll-sean@inbound-it.example";
        String contact = arrived(tandem, sf, sean);
        sf.patch("/__emulator/as-rep/Contact/" + contact, "{\"FirstName\":\"Seán\",\"Phone\":\"+353 1 555 0100\"}");
        awaitValue(db, sean, "first_name", "Seán");

        String lead = create(sf, "Lead", "{\"LastName\":\"Convertible\",\"Company\":\"Convertible Ltd\",\"Email\":\"conv@convertible.example\"}");
        awaitValue(db, "conv@convertible.example", "sf_id", lead);
        long standalone = ((Number) db.query("SELECT company_id FROM contacts WHERE email_key = 'conv@convertible.example'").get(0)
                .get("company_id")).longValue();
        JsonObject conversion = sf.post("/__emulator/convert/" + lead, "{}").json();
        String convertedContact = conversion.getString("contactId");
        String convertedAccount = conversion.getString("accountId");
        awaitValue(db, "conv@convertible.example", "sf_id", convertedContact);
        Eventually.await(WAIT, () -> db.query("SELECT co.sf_account_id FROM contacts c JOIN companies co ON co.id = c.company_id "
                + "WHERE email_key = 'conv@convertible.example'").get(0).get("sf_account_id"), convertedAccount::equals);
        assertEquals(0, db.count("SELECT COUNT(*) FROM companies WHERE id = ?", standalone), "its standalone company went");

        // a Lead's Company renamed: its standalone company follows, logged as such, with the values received
        String renamedLead = create(sf, "Lead", "{\"LastName\":\"Renamer\",\"Company\":\"Old Name Ltd\",\"Email\":\"renamer@renaming.example\"}");
        awaitValue(db, "renamer@renaming.example", "sf_id", renamedLead);
        sf.patch("/__emulator/as-rep/Lead/" + renamedLead, "{\"Company\":\"New Name Ltd\"}");
        Eventually.await(WAIT, () -> db.query("SELECT co.name FROM contacts c JOIN companies co ON co.id = c.company_id "
                + "WHERE email_key = 'renamer@renaming.example'").get(0).get("name"), "New Name Ltd"::equals);
        Eventually.await(WAIT, () -> reasons(db, renamedLead), r -> r.contains("its company renamed after the Lead's Company"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM sync_log_lines WHERE sf_id = ? AND detail LIKE ?", renamedLead,
                "%renamed from %Old Name Ltd% to %New Name Ltd%"));
        sf.patch("/__emulator/as-rep/Lead/" + renamedLead, "{\"Title\":\"Chief Renamer\"}");
        awaitValue(db, "renamer@renaming.example", "title", "Chief Renamer");
        assertEquals(1, db.count("SELECT COUNT(*) FROM sync_log_lines WHERE sf_id = ? AND detail LIKE ?", renamedLead,
                "%\"received\":{\"title\":\"Chief Renamer\"}%"), "the log keeps the value received");

        String otherAccount = create(sf, "Account", "{\"Name\":\"Mover Inc\"}");
        sf.patch("/__emulator/as-rep/Contact/" + contact, "{\"AccountId\":\"" + otherAccount + "\"}");
        Eventually.await(WAIT, () -> db.query("SELECT co.sf_account_id FROM contacts c JOIN companies co ON co.id = c.company_id "
                + "WHERE email_key = ?", sean).get(0).get("sf_account_id"), otherAccount::equals);
        sf.patch("/__emulator/as-rep/Account/" + otherAccount, "{\"Name\":\"Mover Incorporated\"}");
        Eventually.await(WAIT, () -> db.query("SELECT name FROM companies WHERE sf_account_id = ?", otherAccount).get(0).get("name"),
                "Mover Incorporated"::equals);

        String doomed = create(sf, "Contact", "{\"LastName\":\"Doomed\",\"Email\":\"doomed@inbound-it.example\"}");
        awaitValue(db, "doomed@inbound-it.example", "sf_id", doomed);
        sf.delete("/__emulator/as-rep/Contact/" + doomed);
        Eventually.await(WAIT, () -> db.query("SELECT sf_deleted FROM contacts WHERE email_key = 'doomed@inbound-it.example'").get(0)
                .get("sf_deleted"), v -> Boolean.TRUE.equals(v) || Integer.valueOf(1).equals(v));
        assertNull(db.query("SELECT sf_id FROM contacts WHERE email_key = 'doomed@inbound-it.example'").get(0).get("sf_id"));

        String master = create(sf, "Contact", "{\"LastName\":\"Master\",\"Email\":\"master@inbound-it.example\"}");
        String loser = create(sf, "Contact", "{\"LastName\":\"Loser\",\"Email\":\"loser@inbound-it.example\"}");
        awaitValue(db, "loser@inbound-it.example", "sf_id", loser);
        sf.post("/__emulator/merge", "{\"masterId\":\"" + master + "\",\"mergeIds\":[\"" + loser + "\"]}");
        Eventually.await(WAIT, () -> db.query("SELECT sf_deleted FROM contacts WHERE email_key = 'loser@inbound-it.example'").get(0)
                .get("sf_deleted"), v -> Boolean.TRUE.equals(v) || Integer.valueOf(1).equals(v));
        assertEquals(master, db.query("SELECT sf_id FROM contacts WHERE email_key = 'master@inbound-it.example'").get(0).get("sf_id"));
        assertTrue(db.count("SELECT COUNT(*) FROM sync_log_lines WHERE sf_id = ? AND reason LIKE 'merged into%'", loser) == 1);
    }

    @Test
    void twoWayConflictsAreRecordedAndTogglesStopReading(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        Database db = tandem.database();
        String sean = "conflict-sean@inbound-it.example";
        String contact = arrived(tandem, sf, sean);
        tandem.admin().send(tandem.admin().request("/api/settings/field-mappings/title").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"mode\":\"two_way\"}")));
        long id = ((Number) db.query("SELECT id FROM contacts WHERE email_key = ?", sean).get(0).get("id")).longValue();
        // the local change stays local (writing off), so both sides have changed when Salesforce's edit comes in
        JsonObject before = tandem.admin().get("/api/settings/sync").json();
        assertEquals(200, putSettings(tandem, before.toString().replace("\"writeContacts\":true", "\"writeContacts\":false")).status());
        assertEquals(200, tandem.admin().patch("/api/contacts/" + id, "{\"title\":\"Chief Technologist\"}").status());
        Eventually.nextSecond();
        sf.patch("/__emulator/as-rep/Contact/" + contact, "{\"Title\":\"VP Engineering\"}");
        awaitValue(db, sean, "title", "VP Engineering");
        assertTrue(db.count("SELECT COUNT(*) FROM sync_log_lines WHERE sf_id = ? AND detail LIKE '%conflicts%title%later%'", contact) >= 1,
                "both sides changed the two-way title: the later (Salesforce) won, and the conflict is in the log");
        tandem.admin().send(tandem.admin().request("/api/settings/field-mappings/title").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"mode\":\"prefer_salesforce_unless_empty\"}")));
        assertEquals(200, putSettings(tandem, before.toString()).status());

        JsonObject settings = tandem.admin().get("/api/settings/sync").json();
        String off = settings.toString().replace("\"syncLeads\":true", "\"syncLeads\":false");
        assertEquals(200, putSettings(tandem, off).status());
        String lead = create(sf, "Lead", "{\"LastName\":\"WhileOff\",\"Company\":\"Gap Ltd\",\"Email\":\"gap@inbound-it.example\"}");
        String marker = create(sf, "Contact", "{\"LastName\":\"Marker\",\"Email\":\"marker-after-gap@inbound-it.example\"}");
        awaitValue(db, "marker-after-gap@inbound-it.example", "sf_id", marker);
        assertEquals(0, db.count("SELECT COUNT(*) FROM contacts WHERE email_key = 'gap@inbound-it.example'"), "Leads are not read while off");
        assertEquals(200, putSettings(tandem, settings.toString()).status());
        String later = create(sf, "Lead", "{\"LastName\":\"AfterOn\",\"Company\":\"On Ltd\",\"Email\":\"after-on@inbound-it.example\"}");
        awaitValue(db, "after-on@inbound-it.example", "sf_id", later);
        assertEquals(0, db.count("SELECT COUNT(*) FROM contacts WHERE sf_id = ?", lead), "on again: no catch-up of the gap");
    }

    @Test
    void aPollWhereNothingChangedCostsOneCall(TandemServer.Running tandem) {
        importCompleted(tandem);
        JsonObject poll = awaitQuiet(tandem, java.time.Instant.now());
        assertEquals(1, poll.getInt("apiCalls"), poll.toString());
    }

    /**
     * A Contact with this email and an Account of its own, made by a rep once the initial import has
     * completed, and read in by the poll; answers its Salesforce id.
     */
    private static String arrived(TandemServer.Running tandem, Api sf, String email) {
        importCompleted(tandem);
        String account = create(sf, "Account", "{\"Name\":\"Account of " + email + "\"}");
        String contact = create(sf, "Contact", "{\"LastName\":\"O'Brien\",\"FirstName\":\"Sean\",\"Email\":\"" + email + "\","
                + "\"AccountId\":\"" + account + "\",\"Title\":\"CTO\"}");
        awaitValue(tandem.database(), email, "sf_id", contact);
        return contact;
    }

    /** The initial import done: the one a new connection starts by itself, or one started here when none ran. */
    private static void importCompleted(TandemServer.Running tandem) {
        if (!tandem.ownImportSettled().equals("COMPLETED")) {
            tandem.importAfresh("{}");
            Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/import").json().getString("status"), "COMPLETED"::equals);
        }
    }

    /** Polls until a poll that began after every second up to {@code lastEdit} had settled found nothing new. */
    private static JsonObject awaitQuiet(TandemServer.Running tandem, java.time.Instant lastEdit) {
        return Eventually.await(WAIT, () -> tandem.admin().post("/api/sync/poll", "{}").json(), p -> p.getString("outcome").equals("nothing changed")
                && java.time.Instant.parse(p.getString("at")).isAfter(lastEdit.plusSeconds(4)));
    }


    private static Api.Response putSettings(TandemServer.Running tandem, String json) {
        return tandem.admin().send(tandem.admin().request("/api/settings/sync").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String create(Api sf, String object, String json) {
        Api.Response r = sf.post("/__emulator/as-rep/" + object, json);
        assertEquals(201, r.status(), r.body());
        return r.json().getString("id");
    }

    private static long count(Api sf, String soql) {
        return sf.get("/__emulator/query?q=" + java.net.URLEncoder.encode(soql, java.nio.charset.StandardCharsets.UTF_8)).json()
                .getJsonNumber("totalSize").longValue();
    }

    private static List<String> reasons(Database db, String sfId) {
        return db.query("SELECT reason FROM sync_log_lines WHERE sf_id = ? ORDER BY log_id, id", sfId).stream()
                .map(r -> String.valueOf(r.get("reason"))).toList();
    }

    private static void awaitValue(Database db, String email, String column, Object value) {
        Eventually.await(WAIT, () -> {
            List<Map<String, Object>> rows = db.query("SELECT " + column + " FROM contacts WHERE email_key = ?", email);
            return rows.isEmpty() ? null : rows.get(0).get(column);
        }, value::equals);
    }
}
