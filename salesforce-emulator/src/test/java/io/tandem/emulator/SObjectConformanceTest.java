package io.tandem.emulator;

import io.tandem.emulator.org.Ids;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** salesforce-api.md §3, §5, §6, §8.2: single-record calls, their errors, ids and limits. */
class SObjectConformanceTest extends EmulatorTest {

    @Test
    void createReadUpdateDelete() {
        Sf.Res created = sf.post(Sf.V + "/sobjects/Lead", "{\"LastName\":\"Li\",\"Company\":\"X\",\"Email\":\"li@x.example\"}");
        assertEquals(201, created.status());
        assertEquals(Map.of("id", created.map().get("id"), "success", true, "errors", List.of()), created.map());
        String id = (String) created.map().get("id");
        assertTrue(id.startsWith("00Q") && id.length() == 18 && id.equals(Ids.to18(id.substring(0, 15))), id);
        assertTrue(!id.substring(3, 15).equals(id.substring(3, 15).toUpperCase()) || !id.substring(3, 15).equals(id.substring(3, 15).toLowerCase()));

        Map<String, Object> lead = sf.get(Sf.V + "/sobjects/Lead/" + id).map();
        assertEquals("Open - Not Contacted", lead.get("Status"), "Status defaulted from the default LeadStatus");
        assertEquals(false, lead.get("IsConverted"));
        assertEquals("Li", lead.get("Name"));
        assertEquals(Map.of("type", "Lead", "url", "/services/data/v62.0/sobjects/Lead/" + id), lead.get("attributes"));
        assertEquals(200, sf.get(Sf.V + "/sobjects/Lead/" + id.substring(0, 15)).status(), "15-character ids are accepted");
        assertEquals(Map.of("attributes", lead.get("attributes"), "Email", "li@x.example"),
                sf.get(Sf.V + "/sobjects/Lead/" + id + "?fields=Email").map());

        assertEquals(204, sf.patch(Sf.V + "/sobjects/Lead/" + id, "{\"Title\":\"CTO\"}").status());
        Sf.Res override = sf.send(sf.api(Sf.V + "/sobjects/Lead/" + id + "?_HttpMethod=PATCH").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"City\":\"Lyon\"}")));
        assertEquals(204, override.status());
        Map<String, Object> updated = sf.get(Sf.V + "/sobjects/Lead/" + id).map();
        assertEquals("CTO", updated.get("Title"));
        assertEquals("Lyon", updated.get("City"));

        assertEquals(204, sf.delete(Sf.V + "/sobjects/Lead/" + id).status());
        Sf.Res again = sf.delete(Sf.V + "/sobjects/Lead/" + id);
        assertEquals(404, again.status());
        assertEquals("ENTITY_IS_DELETED", again.error().get("errorCode"));
        assertEquals("ENTITY_IS_DELETED", sf.get(Sf.V + "/sobjects/Lead/" + id).error().get("errorCode"));
        assertEquals("NOT_FOUND", sf.get(Sf.V + "/sobjects/Lead/00QRO0000000000AAA").error().get("errorCode"));
    }

    @Test
    void validationErrorsNameTheField() {
        assertError(sf.post(Sf.V + "/sobjects/Lead", "{\"LastName\":\"Li\"}"), 400, "REQUIRED_FIELD_MISSING", "Company");
        assertError(sf.post(Sf.V + "/sobjects/Lead", "{\"LastName\":\"Li\",\"Company\":\"" + "x".repeat(256) + "\"}"),
                400, "STRING_TOO_LONG", "Company");
        assertError(sf.post(Sf.V + "/sobjects/Lead", "{\"LastName\":\"Li\",\"Company\":\"X\",\"Email\":\"not-an-email\"}"),
                400, "INVALID_EMAIL_ADDRESS", "Email");
        assertError(sf.post(Sf.V + "/sobjects/Lead", "{\"LastName\":\"Li\",\"Company\":\"X\",\"Status\":\"Hot\"}"),
                400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Status");
        assertError(sf.post(Sf.V + "/sobjects/Lead", "{\"LastName\":\"Li\",\"Company\":\"X\",\"IsConverted\":true}"),
                400, "INVALID_FIELD_FOR_INSERT_UPDATE", "IsConverted");
        assertEquals("INVALID_FIELD", sf.post(Sf.V + "/sobjects/Lead", "{\"LastName\":\"Li\",\"Company\":\"X\",\"Nope__c\":1}").error().get("errorCode"));
        assertEquals("INVALID_FIELD", sf.post(Sf.V + "/sobjects/Lead", "{\"Id\":\"00QRO0000000001AAA\",\"LastName\":\"Li\",\"Company\":\"X\"}")
                .error().get("errorCode"));
        assertError(sf.post(Sf.V + "/sobjects/Contact", "{\"LastName\":\"Li\",\"AccountId\":\"garbage\"}"), 400, "MALFORMED_ID", "AccountId");
        assertError(sf.post(Sf.V + "/sobjects/Contact", "{\"LastName\":\"Li\",\"AccountId\":\"" + Ids.to18("001RO0000000001") + "\"}"),
                400, "INVALID_CROSS_REFERENCE_KEY", "AccountId");
        assertEquals("JSON_PARSER_ERROR", sf.post(Sf.V + "/sobjects/Lead", "{\"LastName\":").error().get("errorCode"));
        assertEquals("NOT_FOUND", sf.get(Sf.V + "/sobjects/Nope").error().get("errorCode"));
        assertEquals(405, sf.send(sf.api(Sf.V + "/sobjects/Lead/00QRO0000000000AAA").PUT(HttpRequest.BodyPublishers.noBody())).status());
        assertEquals(0, ((Number) sf.query("SELECT COUNT() FROM Lead").map().get("totalSize")).intValue(), "nothing half-written");
    }

    @Test
    void upsertsByExternalId() {
        sf.control("fields", "{\"object\":\"Lead\",\"name\":\"Ext_Id__c\",\"type\":\"string\",\"length\":40,\"externalId\":true}");
        Sf.Res created = sf.patch(Sf.V + "/sobjects/Lead/Ext_Id__c/E-1", "{\"LastName\":\"Li\",\"Company\":\"X\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals(true, created.map().get("created"));
        Sf.Res updated = sf.patch(Sf.V + "/sobjects/Lead/Ext_Id__c/E-1", "{\"Title\":\"CEO\"}");
        assertEquals(200, updated.status());
        assertEquals(false, updated.map().get("created"));
        assertEquals(created.map().get("id"), updated.map().get("id"));
        Sf.Res old = sf.patch("/services/data/v45.0/sobjects/Lead/Ext_Id__c/E-1", "{\"Title\":\"CFO\"}");
        assertEquals(204, old.status(), "before v46 an update by upsert answers 204");
        sf.create("Lead", "{\"LastName\":\"Twin\",\"Company\":\"X\",\"Ext_Id__c\":\"E-2\"}");
        sf.create("Lead", "{\"LastName\":\"Twin\",\"Company\":\"X\",\"Ext_Id__c\":\"e-2\"}");
        assertEquals(300, sf.patch(Sf.V + "/sobjects/Lead/Ext_Id__c/E-2", "{\"Title\":\"x\"}").status());
        assertEquals(404, sf.patch(Sf.V + "/sobjects/Lead/Email/x@y.example", "{\"Title\":\"x\"}").status());
        assertEquals(404, sf.patch(Sf.V + "/sobjects/Lead/Ext_Id__c/E-9?updateOnly=true", "{\"LastName\":\"Li\",\"Company\":\"X\"}").status());
    }

    @Test
    void ifUnmodifiedSinceGuardsAgainstLostUpdates() {
        String id = sf.create("Contact", "{\"LastName\":\"Li\"}");
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
        Sf.Res stale = sf.send(sf.api(Sf.V + "/sobjects/Contact/" + id).header("Content-Type", "application/json")
                .header("If-Unmodified-Since", past).method("PATCH", HttpRequest.BodyPublishers.ofString("{\"Title\":\"x\"}")));
        assertEquals(412, stale.status());
        String future = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
        Sf.Res fresh = sf.send(sf.api(Sf.V + "/sobjects/Contact/" + id).header("Content-Type", "application/json")
                .header("If-Unmodified-Since", future).method("PATCH", HttpRequest.BodyPublishers.ofString("{\"Title\":\"x\"}")));
        assertEquals(204, fresh.status());
    }

    @Test
    void everyCallReportsUsageAndThe403ComesAtTheLimit() {
        sf.control("config", "{\"dailyApiLimit\":5,\"apiUsage\":0}");
        for (int i = 1; i <= 5; i++) {
            Sf.Res r = sf.get(Sf.V + "/limits");
            assertEquals(200, r.status());
            assertEquals("api-usage=" + i + "/5", r.header("Sforce-Limit-Info"));
        }
        Sf.Res over = sf.get(Sf.V + "/limits");
        assertEquals(403, over.status());
        assertEquals("REQUEST_LIMIT_EXCEEDED", over.error().get("errorCode"));
        assertEquals("TotalRequests Limit exceeded.", over.error().get("message"));
        sf.control("config", "{\"dailyApiLimit\":1000}");
        Map<String, Object> limits = sf.get(Sf.V + "/limits").map();
        @SuppressWarnings("unchecked")
        Map<String, Object> daily = (Map<String, Object>) limits.get("DailyApiRequests");
        assertEquals(1000, ((Number) daily.get("Max")).intValue());
        assertEquals(1000 - 6, ((Number) daily.get("Remaining")).intValue(), "the rejected call did not count");
        assertEquals(null, sf.get("/services/data").header("Sforce-Limit-Info"), "the versions list is free");
    }

    @Test
    void describesObjectsAndFields() {
        Map<String, Object> lead = sf.get(Sf.V + "/sobjects/Lead/describe").map();
        assertEquals("00Q", lead.get("keyPrefix"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) lead.get("fields");
        Map<String, Object> status = fields.stream().filter(f -> f.get("name").equals("Status")).findFirst().orElseThrow();
        assertEquals("picklist", status.get("type"));
        assertEquals(true, status.get("restrictedPicklist"));
        assertTrue(status.get("picklistValues").toString().contains("Open - Not Contacted"));
        Map<String, Object> company = fields.stream().filter(f -> f.get("name").equals("Company")).findFirst().orElseThrow();
        assertEquals(255, ((Number) company.get("length")).intValue());
        assertEquals(false, company.get("nillable"));
        assertTrue(sf.get(Sf.V + "/sobjects").body().contains("\"name\":\"CampaignMember\""));
        assertTrue(sf.get("/services/data").body().contains("\"version\":\"62.0\""));
    }

    private static void assertError(Sf.Res r, int status, String code, String field) {
        assertEquals(status, r.status(), r.body());
        assertEquals(code, r.error().get("errorCode"), r.body());
        assertEquals(List.of(field), r.error().get("fields"), r.body());
    }
}
