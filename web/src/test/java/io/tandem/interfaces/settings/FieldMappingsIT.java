package io.tandem.interfaces.settings;

import io.tandem.testing.Api;
import io.tandem.testing.Database;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Field mappings on Payara Micro, MariaDB and the emulator: custom fields of each type carried both ways,
 * mappings the org cannot carry refused with the field and why, values Salesforce would refuse parked
 * before any call, and the lead score pushed.
 */
@ExtendWith(TandemServer.class)
class FieldMappingsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aCustomFieldOfEachTypeIsCarriedBothWays(TandemServer.Running tandem) {
        Api sf = sf(tandem);
        String tag = tag();
        List<String> mapped = new ArrayList<>();
        try {
            map(tandem, sf, mapped, tag, "region", "text", "string", "Region", "two_way", "");
            map(tandem, sf, mapped, tag, "seats", "number", "double", "Seats", "two_way", "");
            map(tandem, sf, mapped, tag, "renewal", "date", "date", "Renewal", "two_way", "");
            map(tandem, sf, mapped, tag, "vip", "boolean", "boolean", "Vip", "two_way", "");
            map(tandem, sf, mapped, tag, "tier", "picklist", "picklist", "Tier", "two_way", ",\"picklistValues\":[\"Gold\",\"Silver\"]");
            JsonObject list = tandem.admin().get("/api/settings/field-mappings").json();
            assertTrue(list.getInt("total") >= 12, list.toString());
            JsonObject tier = list.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(m -> m.getString("field").equals("custom.tier" + tag)).findFirst().orElseThrow();
            assertEquals("Tier" + tag + "__c", tier.getString("lead"));
            assertEquals("Tier" + tag + "__c", tier.getString("contact"));
            assertEquals("two_way", tier.getString("mode"));
            assertEquals("picklist", tier.getString("type"));

            long id = contact(tandem, "{\"email\":\"custom." + tag + "@mappings-it.example\",\"lastName\":\"Custom\",\"customFields\":{"
                    + "\"region" + tag + "\":\"EMEA\",\"seats" + tag + "\":12.5,\"renewal" + tag + "\":\"2027-01-31\",\"vip" + tag + "\":true,"
                    + "\"tier" + tag + "\":\"Gold\"}}");
            String lead = tandem.database().awaitLinked(id, WAIT);
            JsonObject out = sf.get("/__emulator/records/" + lead).json();
            assertEquals("EMEA", out.getString("Region" + tag + "__c"));
            assertEquals(12.5, out.getJsonNumber("Seats" + tag + "__c").doubleValue());
            assertEquals("2027-01-31", out.getString("Renewal" + tag + "__c"));
            assertTrue(out.getBoolean("Vip" + tag + "__c"));
            assertEquals("Gold", out.getString("Tier" + tag + "__c"));

            Eventually.nextSecond();
            sf.patch("/__emulator/as-rep/Lead/" + lead, "{\"Region" + tag + "__c\":\"APAC\",\"Seats" + tag + "__c\":40,\"Renewal" + tag
                    + "__c\":\"2028-06-30\",\"Vip" + tag + "__c\":false,\"Tier" + tag + "__c\":\"Silver\"}");
            JsonObject custom = Eventually.await(WAIT, () -> tandem.admin().get("/api/contacts/" + id).json().getJsonObject("customFields"),
                    c -> "Silver".equals(c.getString("tier" + tag, "")));
            assertEquals("APAC", custom.getString("region" + tag));
            assertEquals(40, custom.getJsonNumber("seats" + tag).intValue());
            assertEquals("2028-06-30", custom.getString("renewal" + tag));
            assertFalse(custom.getBoolean("vip" + tag));
        } finally {
            unmap(tandem, mapped);
        }
    }

    @Test
    void mappingsTheOrgCannotCarryAreRefusedWithTheFieldAndWhy(TandemServer.Running tandem) {
        Api sf = sf(tandem);
        String tag = tag();
        List<String> mapped = new ArrayList<>();
        try {
            defineInTandem(tandem, "plan" + tag, "text", "");
            defineInTandem(tandem, "since" + tag, "date", "");
            emulatorField(sf, "Lead", "Plan" + tag + "__c", "string", "");
            emulatorField(sf, "Lead", "Locked" + tag + "__c", "string", ",\"updateable\":false");

            Api.Response missing = post(tandem, "{\"field\":\"custom.plan" + tag + "\",\"lead\":\"Plna" + tag + "__c\"}");
            assertEquals(400, missing.status(), missing.body());
            assertTrue(missing.body().contains("\"field\":\"lead\""), missing.body());
            assertTrue(missing.body().contains("Lead has no field Plna" + tag + "__c; the closest are Plan" + tag + "__c"), missing.body());

            Api.Response wrongType = post(tandem, "{\"field\":\"custom.since" + tag + "\",\"lead\":\"Plan" + tag + "__c\"}");
            assertEquals(400, wrongType.status(), wrongType.body());
            assertTrue(wrongType.body().contains("is a string field, which cannot hold a Tandem date"), wrongType.body());

            Api.Response readOnly = post(tandem, "{\"field\":\"custom.plan" + tag + "\",\"lead\":\"Locked" + tag + "__c\",\"mode\":\"two_way\"}");
            assertEquals(400, readOnly.status(), readOnly.body());
            assertTrue(readOnly.body().contains("read-only"), readOnly.body());

            Api.Response unknown = post(tandem, "{\"field\":\"custom.nothing" + tag + "\",\"lead\":\"Plan" + tag + "__c\"}");
            assertEquals(400, unknown.status(), unknown.body());
            assertTrue(unknown.body().contains("\"field\":\"field\""), unknown.body());

            Api.Response pullOnly = post(tandem, "{\"field\":\"custom.plan" + tag + "\",\"lead\":\"locked" + tag + "__C\",\"mode\":\"always_salesforce\"}");
            assertEquals(201, pullOnly.status(), pullOnly.body());
            mapped.add("custom.plan" + tag);
            assertEquals("Locked" + tag + "__c", pullOnly.json().getString("lead"), "spelled as the org spells it");

            Api.Response twice = post(tandem, "{\"field\":\"custom.since" + tag + "\",\"lead\":\"Locked" + tag + "__c\"}");
            assertEquals(409, twice.status(), "one Salesforce field is one Tandem field: " + twice.body());

            Api.Response badMode = put(tandem, "/api/settings/field-mappings/custom.plan" + tag, "{\"mode\":\"sometimes\"}");
            assertEquals(400, badMode.status(), badMode.body());
            assertTrue(badMode.body().contains("\"field\":\"mode\""), badMode.body());
        } finally {
            unmap(tandem, mapped);
        }
    }

    @Test
    void valuesSalesforceWouldRefuseAreParkedBeforeSendingAndTheRestArrive(TandemServer.Running tandem) {
        Api sf = sf(tandem);
        Database db = tandem.database();
        String tag = tag();
        List<String> mapped = new ArrayList<>();
        JsonObject settings = tandem.admin().get("/api/settings/sync").json();
        try {
            defineInTandem(tandem, "code" + tag, "text", "");
            defineInTandem(tandem, "band" + tag, "picklist", ",\"options\":[\"Low\",\"High\",\"Extreme\"]");
            for (String object : List.of("Lead", "Contact")) {
                emulatorField(sf, object, "Code" + tag + "__c", "string", ",\"length\":10");
                emulatorField(sf, object, "Band" + tag + "__c", "picklist", ",\"picklistValues\":[\"Low\",\"High\"],\"restricted\":true");
            }
            Api.Response code = post(tandem, "{\"field\":\"custom.code" + tag + "\",\"lead\":\"Code" + tag + "__c\",\"contact\":\"Code" + tag
                    + "__c\",\"mode\":\"two_way\"}");
            assertEquals(201, code.status(), code.body());
            mapped.add("custom.code" + tag);
            assertTrue(code.json().getJsonArray("warnings").getString(0).contains("holds 10 characters"), code.body());
            assertEquals(201, post(tandem, "{\"field\":\"custom.band" + tag + "\",\"lead\":\"Band" + tag + "__c\",\"contact\":\"Band" + tag
                    + "__c\",\"mode\":\"two_way\"}").status());
            mapped.add("custom.band" + tag);

            // nothing read inbound, so every call in this window is the drain's
            assertEquals(200, put(tandem, "/api/settings/sync", Json.createObjectBuilder(settings).add("syncLeads", false)
                    .add("syncContacts", false).add("syncAccounts", false).build().toString()).status());
            long before = sf.get("/__emulator/calls").json().getInt("apiCalls");
            long good = contact(tandem, "{\"email\":\"good." + tag + "@mappings-it.example\",\"customFields\":{\"code" + tag + "\":\"A1\",\"band"
                    + tag + "\":\"High\"}}");
            long tooLong = contact(tandem, "{\"email\":\"long." + tag + "@mappings-it.example\",\"customFields\":{\"code" + tag
                    + "\":\"ABCDEFGHIJKLMNOP\"}}");
            long notAllowed = contact(tandem, "{\"email\":\"band." + tag + "@mappings-it.example\",\"customFields\":{\"band" + tag
                    + "\":\"Extreme\"}}");
            String lead = db.awaitLinked(good, WAIT);
            assertEquals("A1", sf.get("/__emulator/records/" + lead).json().getString("Code" + tag + "__c"));
            Map<String, Object> longEntry = failedEntry(db, tooLong);
            assertTrue(longEntry.get("reason").toString().contains("holds at most 10 characters; this value has 16"), longEntry.toString());
            Map<String, Object> bandEntry = failedEntry(db, notAllowed);
            assertTrue(bandEntry.get("reason").toString().contains("restricted picklist without \"Extreme\""), bandEntry.toString());
            assertEquals(0, count(sf, "SELECT COUNT() FROM Lead WHERE Email LIKE '%" + tag + "@mappings-it.example' AND Email != 'good." + tag
                    + "@mappings-it.example'"), "neither was sent");
            assertTrue(sf.get("/__emulator/calls").json().getInt("apiCalls") - before <= 6, "the parked ones cost no call of their own");
            put(tandem, "/api/settings/sync", settings.toString());

            // the mapping fixed (the band is no longer sent), a replay sends the parked record
            assertEquals(200, put(tandem, "/api/settings/field-mappings/custom.band" + tag, "{\"mode\":\"always_salesforce\"}").status());
            Api.Response replay = tandem.admin().post("/api/sync/replay", "{\"logId\":" + bandEntry.get("log_id") + "}");
            assertEquals(200, replay.status(), replay.body());
            String bandLead = db.awaitLinked(notAllowed, WAIT);
            assertTrue(sf.get("/__emulator/records/" + bandLead).json().isNull("Band" + tag + "__c"));
        } finally {
            put(tandem, "/api/settings/sync", settings.toString());
            unmap(tandem, mapped);
        }
    }

    @Test
    void theLeadScoreGoesOutAndTandemsValueIsPreferredByDefault(TandemServer.Running tandem) {
        Api sf = sf(tandem);
        String tag = tag();
        emulatorField(sf, "Lead", "Score" + tag + "__c", "double", "");
        emulatorField(sf, "Contact", "Score" + tag + "__c", "double", "");
        Api.Response r = post(tandem, "{\"field\":\"leadScore\",\"lead\":\"Score" + tag + "__c\",\"contact\":\"Score" + tag + "__c\"}");
        assertEquals(201, r.status(), r.body());
        try {
            assertEquals("always_tandem", r.json().getString("mode"));
            assertEquals("number", r.json().getString("type"));
            long id = contact(tandem, "{\"email\":\"score." + tag + "@mappings-it.example\",\"leadScore\":42}");
            String lead = tandem.database().awaitLinked(id, WAIT);
            assertEquals(42, sf.get("/__emulator/records/" + lead).json().getJsonNumber("Score" + tag + "__c").intValue());
            assertEquals(200, tandem.admin().patch("/api/contacts/" + id, "{\"leadScore\":57}").status());
            Eventually.await(WAIT, () -> sf.get("/__emulator/records/" + lead).json().getJsonNumber("Score" + tag + "__c").intValue(),
                    n -> n == 57);
        } finally {
            unmap(tandem, List.of("leadScore"));
        }
    }

    @Test
    void anAccountsIndustryTravelsBothWaysWithItsCompany(TandemServer.Running tandem) {
        Api sf = sf(tandem);
        Database db = tandem.database();
        Api.Response r = post(tandem, "{\"field\":\"company.industry\",\"account\":\"Industry\",\"mode\":\"two_way\"}");
        assertEquals(201, r.status(), r.body());
        try {
            Api.Response onLead = post(tandem, "{\"field\":\"company.employees\",\"lead\":\"NumberOfEmployees\"}");
            assertEquals(400, onLead.status(), "a company's field maps to Account fields: " + onLead.body());
            String account = sf.post("/__emulator/as-rep/Account", "{\"Name\":\"Industry " + tag() + "\",\"Industry\":\"Energy\"}")
                    .json().getString("id");
            long company = Eventually.await(WAIT, () -> db.count("SELECT COALESCE(MAX(id), 0) FROM companies WHERE sf_account_id = ? "
                    + "AND industry = 'Energy'", account), id -> id > 0);
            Eventually.nextSecond();
            Api.Response changed = tandem.admin().patch("/api/companies/" + company, "{\"industry\":\"Retail\",\"employees\":12.5}");
            assertEquals(400, changed.status(), "employees are whole: " + changed.body());
            assertTrue(changed.body().contains("\"field\":\"employees\""), changed.body());
            assertEquals(200, tandem.admin().patch("/api/companies/" + company, "{\"industry\":\"Retail\"}").status());
            Eventually.await(WAIT, () -> sf.get("/__emulator/records/" + account).json().getString("Industry", ""), "Retail"::equals);
        } finally {
            unmap(tandem, List.of("company.industry"));
        }
    }

    @Test
    void aFieldMappedLaterIsFilledInAtTheCallsItsDryRunSaid(TandemServer.Running tandem) {
        Api sf = sf(tandem);
        Database db = tandem.database();
        String tag = tag();
        List<String> mapped = new ArrayList<>();
        try {
            defineInTandem(tandem, "segment" + tag, "text", "");
            emulatorField(sf, "Lead", "Segment" + tag + "__c", "string", "");
            emulatorField(sf, "Contact", "Segment" + tag + "__c", "string", "");
            long id = contact(tandem, "{\"email\":\"late." + tag + "@mappings-it.example\",\"lastName\":\"Late\"}");
            String lead = db.awaitLinked(id, WAIT);
            JsonObject settings = tandem.admin().get("/api/settings/sync").json();
            // the poll off, so only the backfill can bring the value in
            assertEquals(200, put(tandem, "/api/settings/sync", settings.toString().replace("\"syncLeads\":true", "\"syncLeads\":false")).status());
            try {
                sf.patch("/__emulator/as-rep/Lead/" + lead, "{\"Segment" + tag + "__c\":\"Enterprise\"}");
                assertEquals(201, post(tandem, "{\"field\":\"custom.segment" + tag + "\",\"lead\":\"Segment" + tag + "__c\",\"contact\":\"Segment"
                        + tag + "__c\"}").status());
                mapped.add("custom.segment" + tag);
                Api.Response dry = tandem.admin().post("/api/settings/field-mappings/custom.segment" + tag + "/backfill?dryRun=true", "");
                assertEquals(200, dry.status(), dry.body());
                long leads = db.count("SELECT COUNT(*) FROM contacts WHERE sf_type = 'LEAD'");
                long contacts = db.count("SELECT COUNT(*) FROM contacts WHERE sf_type = 'CONTACT'");
                assertEquals(leads, dry.json().getJsonObject("records").getJsonNumber("Lead").longValue());
                long estimate = dry.json().getJsonNumber("apiCalls").longValue();
                assertEquals((leads + 1999) / 2000 + (contacts + 1999) / 2000, estimate);
                assertFalse(dry.json().containsKey("execution") && !dry.json().isNull("execution"), "a dry run starts nothing");

                Api.Response started = tandem.admin().post("/api/settings/field-mappings/custom.segment" + tag + "/backfill", "");
                assertEquals(202, started.status(), started.body());
                long execution = started.json().getJsonObject("execution").getJsonNumber("id").longValue();
                Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/jobs/" + execution).json().getString("status"), "COMPLETED"::equals);
                assertEquals("Enterprise", tandem.admin().get("/api/contacts/" + id).json().getJsonObject("customFields")
                        .getString("segment" + tag));
                assertEquals(estimate, db.count("SELECT COALESCE(SUM(api_calls), 0) FROM sync_logs WHERE trigger_by = 'backfill' "
                        + "AND message = 'backfill of custom.segment" + tag + "'"), "the calls it used are the calls it said");

                // many linked records are read with one Bulk query of the whole object instead (from 1 here)
                sf.patch("/__emulator/as-rep/Lead/" + lead, "{\"Segment" + tag + "__c\":\"Mid-market\"}");
                Api.Response bulk = tandem.admin().post("/api/settings/field-mappings/custom.segment" + tag + "/backfill?bulkFrom=1", "");
                assertEquals(202, bulk.status(), bulk.body());
                assertEquals("bulk", bulk.json().getJsonObject("reads").getString("Lead"));
                assertFalse(bulk.json().getBoolean("exact"));
                long bulkRun = bulk.json().getJsonObject("execution").getJsonNumber("id").longValue();
                Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/jobs/" + bulkRun).json().getString("status"), "COMPLETED"::equals);
                assertEquals("Mid-market", tandem.admin().get("/api/contacts/" + id).json().getJsonObject("customFields")
                        .getString("segment" + tag));
            } finally {
                put(tandem, "/api/settings/sync", settings.toString());
            }
        } finally {
            unmap(tandem, mapped);
        }
    }

    private static void map(TandemServer.Running tandem, Api sf, List<String> mapped, String tag, String name, String tandemType,
                            String sfType, String sfName, String mode, String sfExtra) {
        String options = tandemType.equals("picklist") ? ",\"options\":[\"Gold\",\"Silver\"]" : "";
        defineInTandem(tandem, name + tag, tandemType, options);
        emulatorField(sf, "Lead", sfName + tag + "__c", sfType, sfExtra);
        emulatorField(sf, "Contact", sfName + tag + "__c", sfType, sfExtra);
        Api.Response r = post(tandem, "{\"field\":\"custom." + name + tag + "\",\"lead\":\"" + sfName + tag + "__c\",\"contact\":\"" + sfName + tag
                + "__c\",\"mode\":\"" + mode + "\"}");
        assertEquals(201, r.status(), r.body());
        mapped.add("custom." + name + tag);
    }

    private static void defineInTandem(TandemServer.Running tandem, String name, String type, String extra) {
        Api.Response r = tandem.admin().post("/api/fields", "{\"name\":\"" + name + "\",\"label\":\"" + name + "\",\"type\":\"" + type + "\"" + extra + "}");
        assertEquals(201, r.status(), r.body());
    }

    private static void emulatorField(Api sf, String object, String name, String type, String extra) {
        Api.Response r = sf.post("/__emulator/fields", "{\"object\":\"" + object + "\",\"name\":\"" + name + "\",\"type\":\"" + type + "\"" + extra + "}");
        assertEquals(201, r.status(), r.body());
    }

    /** Mappings of fields the emulator may lose (another test resets it) must not outlive the test. */
    private static void unmap(TandemServer.Running tandem, List<String> fields) {
        for (String f : fields) {
            tandem.admin().send(tandem.admin().request("/api/settings/field-mappings/" + f).DELETE());
        }
    }

    private static Map<String, Object> failedEntry(Database db, long contactId) {
        return Eventually.await(WAIT, () -> {
            List<Map<String, Object>> rows = db.query("SELECT o.status, o.log_id, r.reason FROM outbox o JOIN sync_log_records r ON r.log_id = o.log_id "
                    + "AND r.contact_id = o.record_id WHERE o.record_type = 'CONTACT' AND o.record_id = ? ORDER BY o.id DESC LIMIT 1", contactId);
            return rows.isEmpty() ? Map.<String, Object>of("status", "") : rows.get(0);
        }, r -> "FAILED".equals(r.get("status")));
    }

    private static Api.Response post(TandemServer.Running tandem, String json) {
        return tandem.admin().post("/api/settings/field-mappings", json);
    }

    private static Api.Response put(TandemServer.Running tandem, String path, String json) {
        return tandem.admin().send(tandem.admin().request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static long contact(TandemServer.Running tandem, String json) {
        Api.Response r = tandem.admin().post("/api/contacts", json);
        assertTrue(r.status() == 201 || r.status() == 200, r.body());
        return r.json().getJsonNumber("id").longValue();
    }

    private static long count(Api sf, String soql) {
        return sf.get("/__emulator/query?q=" + java.net.URLEncoder.encode(soql, java.nio.charset.StandardCharsets.UTF_8))
                .json().getJsonNumber("totalSize").longValue();
    }

    private static Api sf(TandemServer.Running tandem) {
        return Api.anonymous(tandem.emulator().baseUrl());
    }

    private static String tag() {
        return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
