package io.tandem.emulator;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The remaining shapes: conditional GET, custom fields in describe and SOQL, collection upserts, Bulk abort, latency. */
class MoreShapesConformanceTest extends EmulatorTest {

    @Test
    void conditionalGetAnswers304WhenNothingChanged() {
        String id = sf.create("Account", "{\"Name\":\"Cond\"}");
        String later = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(5));
        Sf.Res notModified = sf.send(sf.api(Sf.V + "/sobjects/Account/" + id).header("If-Modified-Since", later).GET());
        assertEquals(304, notModified.status());
        String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(5));
        assertEquals(200, sf.send(sf.api(Sf.V + "/sobjects/Account/" + id).header("If-Modified-Since", earlier).GET()).status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void customFieldsShowInDescribeAndWorkInSoqlAndCollectionUpserts() {
        assertEquals(201, sf.control("fields", "{\"object\":\"Contact\",\"name\":\"Tandem_Id__c\",\"type\":\"string\",\"length\":30,\"externalId\":true}").status());
        assertEquals(201, sf.control("fields", "{\"object\":\"Contact\",\"name\":\"Score__c\",\"type\":\"double\"}").status());
        List<Map<String, Object>> fields = (List<Map<String, Object>>) sf.get(Sf.V + "/sobjects/Contact/describe").map().get("fields");
        Map<String, Object> ext = fields.stream().filter(f -> f.get("name").equals("Tandem_Id__c")).findFirst().orElseThrow();
        assertEquals(true, ext.get("custom"));
        assertEquals(true, ext.get("externalId"));
        assertEquals(30, ((Number) ext.get("length")).intValue());

        String body = "{\"allOrNone\":false,\"records\":[{\"attributes\":{\"type\":\"Contact\"},\"Tandem_Id__c\":\"T-1\",\"LastName\":\"One\",\"Score__c\":4.5},"
                + "{\"attributes\":{\"type\":\"Contact\"},\"Tandem_Id__c\":\"T-2\",\"LastName\":\"Two\"}]}";
        List<Object> first = sf.patch(Sf.V + "/composite/sobjects/Contact/Tandem_Id__c", body).list();
        assertEquals(true, ((Map<String, Object>) first.get(0)).get("created"));
        List<Object> again = sf.patch(Sf.V + "/composite/sobjects/Contact/Tandem_Id__c", body.replace("\"One\"", "\"Uno\"")).list();
        assertEquals(false, ((Map<String, Object>) again.get(0)).get("created"));
        Map<String, Object> found = (Map<String, Object>) ((List<Object>) sf.query(
                "SELECT LastName, Score__c FROM Contact WHERE Tandem_Id__c = 'T-1'").map().get("records")).get(0);
        assertEquals("Uno", found.get("LastName"));
        assertEquals(4.5, ((Number) found.get("Score__c")).doubleValue());
        assertEquals("STRING_TOO_LONG", sf.post(Sf.V + "/sobjects/Contact", "{\"LastName\":\"L\",\"Tandem_Id__c\":\"" + "x".repeat(31) + "\"}")
                .error().get("errorCode"));
    }

    @Test
    void aBulkJobCanBeAbortedAndListed() {
        String id = (String) sf.post(Sf.V + "/jobs/query", "{\"operation\":\"queryAll\",\"query\":\"SELECT Id FROM Lead\"}").map().get("id");
        Sf.Res aborted = sf.patch(Sf.V + "/jobs/query/" + id, "{\"state\":\"Aborted\"}");
        assertEquals("Aborted", aborted.map().get("state"));
        assertEquals("JOB_NOT_COMPLETE", sf.get(Sf.V + "/jobs/query/" + id + "/results").error().get("errorCode"));
        assertTrue(sf.get(Sf.V + "/jobs/query").body().contains(id));
        assertEquals("MALFORMED_QUERY", sf.post(Sf.V + "/jobs/query", "{\"operation\":\"query\",\"query\":\"SELECT FROM\"}").error().get("errorCode"));
    }

    @Test
    void injectedLatencyDelaysEveryCall() {
        sf.control("config", "{\"faults\":{\"latencyMs\":300}}");
        long t0 = System.nanoTime();
        assertEquals(200, sf.get(Sf.V + "/limits").status());
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 300, "at least the injected latency");
        sf.control("config", "{\"faults\":{}}");
    }

    @Test
    void theVersionedResourceListAndUnknownVersions() {
        assertTrue(sf.get(Sf.V).body().contains("\"sobjects\":\"/services/data/v62.0/sobjects\""));
        assertEquals(404, sf.get("/services/data/v12.0/limits").status());
        assertEquals(404, sf.send(sf.api("/services/nothing/here").GET()).status());
        assertEquals(405, sf.send(sf.api(Sf.V + "/sobjects/Lead/describe").POST(HttpRequest.BodyPublishers.noBody())).status());
    }
}
