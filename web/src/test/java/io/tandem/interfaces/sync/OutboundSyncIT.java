package io.tandem.interfaces.sync;

import io.tandem.testing.Api;
import io.tandem.testing.Database;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tandem → Salesforce on Payara Micro, MariaDB and the emulator over HTTP: the drain (every 2 s in the
 * tests) creates, links by email, updates under each field's mode, survives a validation error in its
 * batch, expired sessions and the API limit, and failed entries replay after a fix.
 */
@ExtendWith(TandemServer.class)
class OutboundSyncIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void newContactsBecomeLeadsOrLinkToTheRecordWithTheirEmail(TandemServer.Running tandem) {
        Api sf = sf(tandem);
        put(tandem, "/api/settings/field-mappings/title", "{\"mode\":\"prefer_salesforce_unless_empty\"}");
        String tag = tag();
        long created = contact(tandem, "{\"email\":\"new." + tag + "@outbound-it.example\",\"firstName\":\"Nova\",\"title\":\"Buyer\"}");
        String leadId = awaitLinked(tandem.database(), created);
        JsonObject lead = sf.get("/__emulator/records/" + leadId).json();
        assertEquals("Lead", lead.getJsonObject("attributes").getString("type"));
        assertEquals("Nova", lead.getString("FirstName"));
        assertEquals("new." + tag, lead.getString("LastName"), "an empty last name is filled from the address");
        assertEquals("outbound-it.example", lead.getString("Company"), "Company from the contact's company");

        String existing = create(sf, "Lead", "{\"LastName\":\"Existing\",\"Company\":\"Existing Ltd\",\"Email\":\"existing." + tag
                + "@outbound-it.example\",\"Title\":\"Director\"}");
        long twin = contact(tandem, "{\"email\":\"Existing." + tag + "@Outbound-IT.example\",\"title\":\"Intern\",\"phone\":\"+1 555 0100\"}");
        assertEquals(existing, awaitLinked(tandem.database(), twin), "linked by email instead of creating a duplicate");
        JsonObject after = Eventually.await(WAIT, () -> sf.get("/__emulator/records/" + existing).json(), r -> !r.isNull("Phone"));
        assertEquals("Director", after.getString("Title"), "prefer Salesforce unless empty: a filled field is never overwritten");
        assertEquals("+1 555 0100", after.getString("Phone"), "an empty one is filled");
        assertEquals(1, count(sf, "SELECT COUNT() FROM Lead WHERE Email = 'existing." + tag + "@outbound-it.example'"));
        assertTrue(tandem.database().count("SELECT COUNT(*) FROM sync_log_records WHERE contact_id = ? AND detail LIKE "
                + "'%prefer Salesforce unless empty: Salesforce has a value%'", twin) >= 1, "the field not sent is logged with why");
    }

    @Test
    void aTwoWayFieldEditedOnBothSidesGoesToTheLaterChange(TandemServer.Running tandem) {
        Api sf = sf(tandem);
        long id = contact(tandem, "{\"email\":\"both." + tag() + "@outbound-it.example\",\"lastName\":\"Both\",\"city\":\"Paris\"}");
        String leadId = awaitLinked(tandem.database(), id);
        JsonObject settings = tandem.admin().get("/api/settings/sync").json();
        put(tandem, "/api/settings/field-mappings/city", "{\"mode\":\"two_way\"}");
        put(tandem, "/api/settings/sync", settings.toString().replace("\"syncLeads\":true", "\"syncLeads\":false"));
        try {
            sf.patch("/__emulator/as-rep/Lead/" + leadId, "{\"City\":\"Lyon\"}");
            Eventually.nextSecond();
            assertEquals(200, tandem.admin().patch("/api/contacts/" + id, "{\"city\":\"Nice\"}").status());
            Eventually.await(WAIT, () -> sf.get("/__emulator/records/" + leadId).json().getString("City"), "Nice"::equals);
            // Salesforce holds the value a moment before the drain's own commit logs it
            long logged = Eventually.await(WAIT, () -> tandem.database().count("SELECT COUNT(*) FROM sync_log_records l JOIN sync_logs s "
                    + "ON s.id = l.log_id WHERE s.direction = 'OUTBOUND' AND l.contact_id = ? AND l.detail LIKE "
                    + "'%conflicts%Tandem''s change is later%'", id), n -> n > 0);
            assertTrue(logged == 1, "both sides changed city: Tandem's later change was sent and the conflict logged");
        } finally {
            put(tandem, "/api/settings/field-mappings/city", "{\"mode\":\"prefer_salesforce_unless_empty\"}");
            put(tandem, "/api/settings/sync", settings.toString());
        }
    }

    @Test
    void oneRejectedRecordDoesNotBlockItsBatchAndReplaysAfterAFix(TandemServer.Running tandem) {
        Api sf = sf(tandem);
        Database db = tandem.database();
        ensureImported(tandem);
        String tag = tag();
        long a = contact(tandem, "{\"email\":\"ok-a." + tag + "@outbound-it.example\",\"lastName\":\"A\"}");
        long b = contact(tandem, "{\"email\":\"ok-b." + tag + "@outbound-it.example\",\"lastName\":\"B\"}");
        long c = contact(tandem, "{\"email\":\"converted." + tag + "@outbound-it.example\",\"lastName\":\"C\"}");
        String leadA = awaitLinked(db, a);
        String leadB = awaitLinked(db, b);
        String leadC = awaitLinked(db, c);
        JsonObject settings = tandem.admin().get("/api/settings/sync").json();
        stopReadingPeople(tandem, settings);
        try {
            sf.post("/__emulator/convert/" + leadC, "{}");
            Api.Response batch = tandem.admin().post("/api/contacts/batch", "{\"contacts\":["
                    + "{\"email\":\"ok-a." + tag + "@outbound-it.example\",\"title\":\"T-A\"},"
                    + "{\"email\":\"converted." + tag + "@outbound-it.example\",\"title\":\"T-C\"},"
                    + "{\"email\":\"ok-b." + tag + "@outbound-it.example\",\"title\":\"T-B\"}]}");
            assertEquals(200, batch.status(), batch.body());
            Eventually.await(WAIT, () -> sf.get("/__emulator/records/" + leadB).json().getString("Title", ""), "T-B"::equals);
            assertEquals("T-A", sf.get("/__emulator/records/" + leadA).json().getString("Title"));
            Map<String, Object> failed = Eventually.await(WAIT, () -> db.query("SELECT status, error_code, log_id FROM outbox "
                    + "WHERE record_id = ? AND record_type = 'CONTACT' ORDER BY id DESC LIMIT 1", c).get(0), r -> "FAILED".equals(r.get("status")));
            assertEquals("CANNOT_UPDATE_CONVERTED_LEAD", failed.get("error_code"));
            assertEquals(2, db.count("SELECT COUNT(*) FROM outbox WHERE record_id IN (?, ?) AND status = 'SENT' AND log_id = ?", a, b,
                    failed.get("log_id")), "the others of the same batch went through");

            // the fix: read Salesforce again (the Contact of the conversion takes the contact over), then replay the batch
            put(tandem, "/api/settings/sync", settings.toString());
            sf.patch("/__emulator/as-rep/Contact/" + convertedContact(sf, leadC), "{\"Department\":\"touched\"}");
            Eventually.await(WAIT, () -> (String) db.query("SELECT sf_type FROM contacts WHERE id = ?", c).get(0).get("sf_type"),
                    "CONTACT"::equals);
            JsonObject replayed = tandem.admin().post("/api/sync/replay", "{\"logId\":" + failed.get("log_id") + "}").json();
            assertEquals(1, replayed.getInt("requeued"));
            Eventually.await(WAIT, () -> sf.get("/__emulator/records/" + convertedContact(sf, leadC)).json().getString("Title", ""),
                    "T-C"::equals);
        } finally {
            put(tandem, "/api/settings/sync", settings.toString());
        }
        assertEquals(400, tandem.admin().post("/api/sync/replay", "{}").status());
    }

    @Test
    void expiredSessionsAndTheApiLimitPauseNothingIsLost(TandemServer.Running tandem) {
        Api sf = sf(tandem);
        Database db = tandem.database();
        long id = contact(tandem, "{\"email\":\"limits." + tag() + "@outbound-it.example\",\"lastName\":\"Limits\"}");
        String leadId = awaitLinked(db, id);
        put(tandem, "/api/settings/field-mappings/title", "{\"mode\":\"always_tandem\"}");

        sf.post("/__emulator/config", "{\"expireSessions\":true}");
        tandem.admin().patch("/api/contacts/" + id, "{\"title\":\"After expiry\"}");
        Eventually.await(WAIT, () -> sf.get("/__emulator/records/" + leadId).json().getString("Title", ""), "After expiry"::equals);

        JsonObject config = sf.get("/__emulator/config").json();
        long max = config.getJsonNumber("dailyApiLimit").longValue();
        sf.post("/__emulator/config", "{\"apiUsage\":" + (max - 10) + "}");
        try {
            // the org reports its usage in every answer: the next write tells Tandem the limit is reached
            tandem.admin().patch("/api/contacts/" + id, "{\"title\":\"Probe\"}");
            JsonObject overview = Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/overview").json(),
                    o -> !o.getJsonObject("outbound").isNull("pausedReason"));
            tandem.admin().patch("/api/contacts/" + id, "{\"title\":\"While paused\"}");
            overview = Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/overview").json(),
                    o -> o.getJsonObject("outbound").getJsonNumber("queued").longValue() >= 1 && !o.getJsonObject("outbound").isNull("pausedReason"));
            assertTrue(overview.getJsonObject("outbound").getString("pausedReason").contains("left to other integrations"), overview.toString());
            assertTrue(overview.getJsonObject("outbound").getJsonNumber("queued").longValue() >= 1, "nothing dropped");
            assertFalse("While paused".equals(sf.get("/__emulator/records/" + leadId).json().getString("Title", "")));
        } finally {
            sf.post("/__emulator/config", "{\"apiUsage\":0}");
        }
        Eventually.await(WAIT, () -> sf.get("/__emulator/records/" + leadId).json().getString("Title", ""), "While paused"::equals);
        put(tandem, "/api/settings/field-mappings/title", "{\"mode\":\"prefer_salesforce_unless_empty\"}");
        JsonObject overview = tandem.admin().get("/api/sync/overview").json();
        assertTrue(overview.getJsonObject("apiCalls").getJsonNumber("tandem24h").longValue() > 0, overview.toString());
        assertNotNull(overview.getJsonObject("apiCalls").get("orgMax"));
    }

    @Test
    void failedEntriesReplayByIdOrByTimeWindow(TandemServer.Running tandem) {
        Api sf = sf(tandem);
        Database db = tandem.database();
        ensureImported(tandem);
        long id = contact(tandem, "{\"email\":\"replay." + tag() + "@outbound-it.example\",\"lastName\":\"Replay\"}");
        String leadId = awaitLinked(db, id);
        JsonObject settings = tandem.admin().get("/api/settings/sync").json();
        stopReadingPeople(tandem, settings);
        try {
            sf.post("/__emulator/convert/" + leadId, "{}");
            tandem.admin().patch("/api/contacts/" + id, "{\"title\":\"Never\"}");
            String entry = "SELECT id, status, log_id, UNIX_TIMESTAMP(finished_at) AS finished FROM outbox WHERE record_id = ? AND record_type = 'CONTACT' ORDER BY id DESC LIMIT 1";
            Map<String, Object> failed = Eventually.await(WAIT, () -> db.query(entry, id).get(0), r -> "FAILED".equals(r.get("status")));

            JsonObject byId = tandem.admin().post("/api/sync/replay", "{\"ids\":[" + failed.get("id") + "]}").json();
            assertEquals(1, byId.getInt("requeued"));
            Map<String, Object> again = Eventually.await(WAIT, () -> db.query(entry, id).get(0),
                    r -> "FAILED".equals(r.get("status")) && !failed.get("log_id").equals(r.get("log_id")));

            assertEquals(0, tandem.admin().post("/api/sync/replay", "{\"from\":\"2000-01-01T00:00:00Z\",\"to\":\"2000-01-02T00:00:00Z\"}")
                    .json().getInt("requeued"), "a window before the failure requeues nothing");
            java.time.Instant at = java.time.Instant.ofEpochSecond(((Number) again.get("finished")).longValue());
            JsonObject byWindow = tandem.admin().post("/api/sync/replay", "{\"from\":\"" + at.minusSeconds(1) + "\",\"to\":\""
                    + at.plusSeconds(1) + "\"}").json();
            assertTrue(byWindow.getInt("requeued") >= 1, byWindow.toString());
            Eventually.await(WAIT, () -> db.query(entry, id).get(0), r -> "FAILED".equals(r.get("status"))
                    && !again.get("log_id").equals(r.get("log_id")));
            assertEquals(3, db.count("SELECT COUNT(*) FROM sync_log_records WHERE contact_id = ? AND outcome = 'FAILED'", id),
                    "the first attempt and both replays were sent and logged");
            Api.Response badWindow = tandem.admin().post("/api/sync/replay", "{\"from\":\"yesterday\"}");
            assertEquals(400, badWindow.status());
            assertTrue(badWindow.body().contains("\"from\""), badWindow.body());
        } finally {
            put(tandem, "/api/settings/sync", settings.toString());
        }
    }

    @Test
    void tandemsOwnDailyLimitHoldsTheQueueUntilRaised(TandemServer.Running tandem) {
        Api sf = sf(tandem);
        Database db = tandem.database();
        long id = contact(tandem, "{\"email\":\"own-limit." + tag() + "@outbound-it.example\",\"lastName\":\"Own\"}");
        String leadId = awaitLinked(db, id);
        JsonObject settings = tandem.admin().get("/api/settings/sync").json();
        put(tandem, "/api/settings/field-mappings/title", "{\"mode\":\"always_tandem\"}");
        put(tandem, "/api/settings/sync", Json.createObjectBuilder(settings).add("tandemDailyLimit", 1).build().toString());
        try {
            tandem.admin().patch("/api/contacts/" + id, "{\"title\":\"Held\"}");
            JsonObject overview = Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/overview").json(),
                    o -> o.getJsonObject("outbound").getString("pausedReason", "").startsWith("Tandem has used"));
            assertTrue(overview.getJsonObject("outbound").getJsonNumber("queued").longValue() >= 1, overview.toString());
            Eventually.nextSecond();
            assertFalse("Held".equals(sf.get("/__emulator/records/" + leadId).json().getString("Title", "")), "held back, not sent");
        } finally {
            put(tandem, "/api/settings/sync", settings.toString());
        }
        Eventually.await(WAIT, () -> sf.get("/__emulator/records/" + leadId).json().getString("Title", ""), "Held"::equals);
        put(tandem, "/api/settings/field-mappings/title", "{\"mode\":\"prefer_salesforce_unless_empty\"}");
    }

    @Test
    void theLimitsAreCheckedBeforeEveryBatchNotOncePerClaim(TandemServer.Running tandem) {
        Database db = tandem.database();
        String tag = tag();
        String pattern = "limit-batch-%." + tag + "@outbound-it.example";
        JsonObject settings = tandem.admin().get("/api/settings/sync").json();
        long used = tandem.admin().get("/api/sync/overview").json().getJsonObject("apiCalls").getJsonNumber("tandem24h").longValue();
        // room for two batches of new contacts (one composite find, one create each), or one and a poll, not for three
        put(tandem, "/api/settings/sync", Json.createObjectBuilder(settings).add("tandemDailyLimit", used + 4).build().toString());
        try {
            Api.Response created = tandem.admin().post("/api/contacts/batch", newContacts(450, "limit-batch-", tag, "Limit"));
            assertEquals(200, created.status(), created.body());
            Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/overview").json().getJsonObject("outbound"),
                    o -> o.getString("pausedReason", "").startsWith("Tandem has used"));
            long linked = db.count("SELECT COUNT(*) FROM contacts WHERE email_key LIKE ? AND sf_id IS NOT NULL", pattern);
            assertTrue(linked < 450 && linked % 200 == 0, "whole batches of 200 went out until the limit was reached, then none: "
                    + linked);
            assertEquals(450 - linked, db.count("SELECT COUNT(*) FROM outbox o JOIN contacts c ON c.id = o.record_id "
                    + "WHERE o.record_type = 'CONTACT' AND o.status = 'PENDING' AND o.attempts = 0 AND c.email_key LIKE ?", pattern),
                    "the rest wait in the queue, untouched");
        } finally {
            put(tandem, "/api/settings/sync", settings.toString());
        }
        Eventually.await(WAIT, () -> db.count("SELECT COUNT(*) FROM contacts WHERE email_key LIKE ? AND sf_id IS NOT NULL", pattern),
                n -> n == 450);
    }

    @Test
    void aRenamedCompanyRenamesItsAccount(TandemServer.Running tandem) {
        Api sf = sf(tandem);
        ensureImported(tandem);
        String account = create(sf, "Account", "{\"Name\":\"Renamed Before " + tag() + "\"}");
        long company = ((Number) Eventually.await(WAIT, () -> tandem.database().query("SELECT id FROM companies WHERE sf_account_id = ?",
                account), rows -> !rows.isEmpty()).get(0).get("id")).longValue();
        assertEquals(200, tandem.admin().patch("/api/companies/" + company, "{\"name\":\"Renamed After\"}").status());
        Eventually.await(WAIT, () -> sf.get("/__emulator/records/" + account).json().getString("Name"), "Renamed After"::equals);
    }

    @Test
    void newContactsAsContactsFindTheirAccountByDomainButNeverByFreeMail(TandemServer.Running tandem) {
        Api sf = sf(tandem);
        String tag = tag();
        String account = create(sf, "Account", "{\"Name\":\"Domain Match " + tag + "\",\"Website\":\"https://www.match-" + tag
                + ".example/about\"}");
        JsonObject settings = tandem.admin().get("/api/settings/sync").json();
        put(tandem, "/api/settings/sync", settings.toString().replace("\"createAs\":\"lead\"", "\"createAs\":\"contact\"")
                .replace("\"createAccounts\":true", "\"createAccounts\":false"));
        try {
            long matched = contact(tandem, "{\"email\":\"ann@match-" + tag + ".example\",\"lastName\":\"Ann\"}");
            long freeMail = contact(tandem, "{\"email\":\"ann." + tag + "@gmail.com\",\"lastName\":\"Free\"}");
            JsonObject c = sf.get("/__emulator/records/" + awaitLinked(tandem.database(), matched)).json();
            assertEquals("Contact", c.getJsonObject("attributes").getString("type"));
            assertEquals(account, c.getString("AccountId"), "the Account whose website matches the email domain");
            JsonObject free = sf.get("/__emulator/records/" + awaitLinked(tandem.database(), freeMail)).json();
            assertEquals("Contact", free.getJsonObject("attributes").getString("type"));
            assertTrue(free.isNull("AccountId"), "free-mail domains never match an Account");
            assertEquals(1, count(sf, "SELECT COUNT() FROM Account WHERE Website LIKE '%match-" + tag + "%'"), "no Account created");
        } finally {
            put(tandem, "/api/settings/sync", settings.toString());
        }
        Api.Response metrics = tandem.anonymous().send(tandem.anonymous().request("/metrics").header("Accept", "text/plain").GET());
        assertTrue(metrics.body().contains("tandem_outbox_queued"), "the queue is a gauge on /metrics");
    }

    @Test
    void aThousandNewContactsCostElevenCallsAtMost(TandemServer.Running tandem) {
        Api sf = sf(tandem);
        Database db = tandem.database();
        String tag = tag();
        JsonObject settings = tandem.admin().get("/api/settings/sync").json();
        // nothing read inbound, so every call the org sees in this window is the drain's
        put(tandem, "/api/settings/sync", Json.createObjectBuilder(settings).add("syncLeads", false).add("syncContacts", false)
                .add("syncAccounts", false).build().toString());
        try {
            Eventually.await(WAIT, () -> db.count("SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING', 'CLAIMED')"), n -> n == 0);
            // a mapping saved reads the describe of Lead and Contact, which the drain's checks then use for a day
            put(tandem, "/api/settings/field-mappings/title", "{\"mode\":\"prefer_salesforce_unless_empty\"}");
            int before = sf.get("/__emulator/calls").json().getInt("apiCalls");
            assertEquals(200, tandem.admin().post("/api/contacts/batch", newContacts(1000, "thousand-", tag, "Thousand")).status());
            String pattern = "thousand-%." + tag + "@outbound-it.example";
            Eventually.await(WAIT, () -> db.count("SELECT COUNT(*) FROM contacts WHERE email_key LIKE ? AND sf_id IS NOT NULL", pattern),
                    n -> n == 1000);
            int calls = sf.get("/__emulator/calls").json().getInt("apiCalls") - before;
            assertTrue(calls <= 11, "1,000 new contacts: per 200 one composite call finds Contacts and Leads, one creates; "
                    + "with a limits check, at most 11 calls; the org saw " + calls);
            assertEquals(1000, count(sf, "SELECT COUNT() FROM Lead WHERE Email LIKE 'thousand-%." + tag + "@outbound-it.example'"));
        } finally {
            put(tandem, "/api/settings/sync", settings.toString());
        }
    }

    @Test
    void anAccountMadeForANewContactLinksItsCompanyAndLaterContactsShareIt(TandemServer.Running tandem) {
        Api sf = sf(tandem);
        Database db = tandem.database();
        String tag = tag();
        JsonObject settings = tandem.admin().get("/api/settings/sync").json();
        put(tandem, "/api/settings/sync", Json.createObjectBuilder(settings).add("createAs", "contact").add("createAccounts", true)
                .add("linkAccountsByDomain", true).build().toString());
        try {
            long first = contact(tandem, "{\"email\":\"first@made-" + tag + ".example\",\"lastName\":\"First\"}");
            String account = sf.get("/__emulator/records/" + awaitLinked(db, first)).json().getString("AccountId");
            assertEquals("made-" + tag + ".example", sf.get("/__emulator/records/" + account).json().getString("Name"),
                    "the Account is named after the contact's company");
            long company = companyOf(db, first);
            assertEquals(account, Eventually.await(WAIT, () -> db.query("SELECT sf_account_id FROM companies WHERE id = ?", company)
                    .get(0).get("sf_account_id"), v -> v != null), "the contact's company is linked to the Account made for it");

            long second = contact(tandem, "{\"email\":\"second@made-" + tag + ".example\",\"lastName\":\"Second\"}");
            long secondOwn = companyOf(db, second);
            assertEquals(account, sf.get("/__emulator/records/" + awaitLinked(db, second)).json().getString("AccountId"),
                    "the next contact of that domain gets the same Account");
            Eventually.await(WAIT, () -> companyOf(db, second), c -> c == company);
            assertEquals(0, db.count("SELECT COUNT(*) FROM companies WHERE id = ?", secondOwn), "its standalone company is gone");
            assertEquals(1, count(sf, "SELECT COUNT() FROM Account WHERE Website LIKE '%made-" + tag + "%'"), "one Account for the domain");

            // domain matching off: the contacts of one company share the Account made for that company
            put(tandem, "/api/settings/sync", Json.createObjectBuilder(settings).add("createAs", "contact").add("createAccounts", true)
                    .add("linkAccountsByDomain", false).build().toString());
            long shared = tandem.admin().post("/api/companies", "{\"name\":\"Shared " + tag + "\"}").json().getJsonNumber("id").longValue();
            long one = contact(tandem, "{\"email\":\"one@shared-" + tag + ".example\",\"companyId\":" + shared + "}");
            String sharedAccount = sf.get("/__emulator/records/" + awaitLinked(db, one)).json().getString("AccountId");
            assertEquals("Shared " + tag, sf.get("/__emulator/records/" + sharedAccount).json().getString("Name"));
            long two = contact(tandem, "{\"email\":\"two@other-" + tag + ".example\",\"companyId\":" + shared + "}");
            assertEquals(sharedAccount, sf.get("/__emulator/records/" + awaitLinked(db, two)).json().getString("AccountId"),
                    "a later contact of the company reuses its Account instead of getting its own");
            assertEquals(200, tandem.admin().patch("/api/companies/" + shared, "{\"name\":\"Shared Renamed " + tag + "\"}").status());
            Eventually.await(WAIT, () -> sf.get("/__emulator/records/" + sharedAccount).json().getString("Name"),
                    ("Shared Renamed " + tag)::equals);
        } finally {
            put(tandem, "/api/settings/sync", settings.toString());
        }
    }

    /** A batch of {@code n} new contacts pushed at once, {@code prefix}N.{@code tag}@outbound-it.example. */
    private static String newContacts(int n, String prefix, String tag, String lastName) {
        StringBuilder batch = new StringBuilder("{\"sync\":\"now\",\"contacts\":[");
        for (int i = 0; i < n; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"email\":\"").append(prefix).append(i).append('.').append(tag)
                    .append("@outbound-it.example\",\"lastName\":\"").append(lastName).append("\"}");
        }
        return batch.append("]}").toString();
    }

    private static long companyOf(Database db, long contactId) {
        return ((Number) db.query("SELECT company_id FROM contacts WHERE id = ?", contactId).get(0).get("company_id")).longValue();
    }

    @Test
    void contactsCreatedWithSyncSkipWaitForAPush(TandemServer.Running tandem) {
        Database db = tandem.database();
        long id = tandem.admin().post("/api/contacts?sync=skip", "{\"email\":\"pushed." + tag() + "@outbound-it.example\",\"lastName\":\"Later\"}")
                .json().getJsonNumber("id").longValue();
        assertEquals(0, db.count("SELECT COUNT(*) FROM outbox WHERE record_id = ? AND record_type = 'CONTACT'", id));
        assertEquals(202, tandem.admin().post("/api/contacts/" + id + "/push", "{}").status());
        String leadId = awaitLinked(db, id);
        assertEquals("Later", sf(tandem).get("/__emulator/records/" + leadId).json().getString("LastName"));
    }

    /** The poll reads Salesforce once the initial import has completed. */
    private static void ensureImported(TandemServer.Running tandem) {
        if (!tandem.admin().get("/api/sync/import").json().getString("status").equals("COMPLETED")) {
            tandem.importAfresh("{}");
            Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/import").json().getString("status"), "COMPLETED"::equals);
        }
    }

    /** Leads and Contacts are not read, so a conversion made in Salesforce stays unseen by Tandem. */
    private static void stopReadingPeople(TandemServer.Running tandem, JsonObject settings) {
        put(tandem, "/api/settings/sync", Json.createObjectBuilder(settings).add("syncLeads", false).add("syncContacts", false).build()
                .toString());
    }

    private static String convertedContact(Api sf, String leadId) {
        return sf.get("/__emulator/records/" + leadId).json().getString("ConvertedContactId");
    }

    private static String awaitLinked(Database db, long contactId) {
        return db.awaitLinked(contactId, WAIT);
    }

    private static long contact(TandemServer.Running tandem, String json) {
        Api.Response r = tandem.admin().post("/api/contacts", json);
        assertTrue(r.status() == 201 || r.status() == 200, r.body());
        return r.json().getJsonNumber("id").longValue();
    }

    private static Api sf(TandemServer.Running tandem) {
        return Api.anonymous(tandem.emulator().baseUrl());
    }

    private static String create(Api sf, String object, String json) {
        Api.Response r = sf.post("/__emulator/as-rep/" + object, json);
        assertEquals(201, r.status(), r.body());
        return r.json().getString("id");
    }

    private static long count(Api sf, String soql) {
        return sf.get("/__emulator/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8)).json().getJsonNumber("totalSize").longValue();
    }

    private static void put(TandemServer.Running tandem, String path, String json) {
        Api.Response r = tandem.admin().send(tandem.admin().request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(200, r.status(), r.body());
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

}
