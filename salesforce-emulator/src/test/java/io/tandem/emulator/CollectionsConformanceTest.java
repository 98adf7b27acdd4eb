package io.tandem.emulator;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** salesforce-api.md §4: sObject Collections and Composite, results in order, allOrNone rollback, limits. */
class CollectionsConformanceTest extends EmulatorTest {

    @Test
    @SuppressWarnings("unchecked")
    void createsWithPerRecordResultsInRequestOrder() {
        Sf.Res r = sf.post(Sf.V + "/composite/sobjects", "{\"allOrNone\":false,\"records\":["
                + "{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"A\",\"Company\":\"X\"},"
                + "{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"B\"},"
                + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"C\"}]}");
        assertEquals(200, r.status(), "collections answer 200, not 201");
        List<Map<String, Object>> results = (List<Map<String, Object>>) (List<?>) r.list();
        assertEquals(true, results.get(0).get("success"));
        assertTrue(((String) results.get(0).get("id")).startsWith("00Q"));
        assertEquals(false, results.get(1).get("success"));
        Map<String, Object> error = ((List<Map<String, Object>>) results.get(1).get("errors")).get(0);
        assertEquals("REQUIRED_FIELD_MISSING", error.get("statusCode"), "save results say statusCode");
        assertEquals(List.of("Company"), error.get("fields"));
        assertTrue(((String) results.get(2).get("id")).startsWith("001"));
        assertEquals(1, count("Lead"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void allOrNoneRollsBackEverything() {
        Sf.Res r = sf.post(Sf.V + "/composite/sobjects", "{\"allOrNone\":true,\"records\":["
                + "{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"A\",\"Company\":\"X\"},"
                + "{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"B\",\"Email\":\"bad\",\"Company\":\"X\"}]}");
        List<Map<String, Object>> results = (List<Map<String, Object>>) (List<?>) r.list();
        assertEquals("ALL_OR_NONE_OPERATION_ROLLED_BACK",
                ((List<Map<String, Object>>) results.get(0).get("errors")).get(0).get("statusCode"));
        assertEquals("INVALID_EMAIL_ADDRESS", ((List<Map<String, Object>>) results.get(1).get("errors")).get(0).get("statusCode"));
        assertEquals(0, count("Lead"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void updatesRetrievesAndDeletes() {
        String a = sf.create("Contact", "{\"LastName\":\"A\"}");
        String b = sf.create("Contact", "{\"LastName\":\"B\"}");
        Sf.Res upd = sf.patch(Sf.V + "/composite/sobjects", "{\"records\":[{\"attributes\":{\"type\":\"Contact\"},\"id\":\"" + a
                + "\",\"Title\":\"CTO\"},{\"attributes\":{\"type\":\"Contact\"},\"id\":\"" + b + "\",\"Email\":\"nope\"}]}");
        assertEquals(true, ((Map<String, Object>) upd.list().get(0)).get("success"));
        assertEquals(false, ((Map<String, Object>) upd.list().get(1)).get("success"));

        List<Object> got = sf.get(Sf.V + "/composite/sobjects/Contact?ids=" + a + "," + b + ",003RO0000000000AAA&fields=Id,Title").list();
        assertEquals("CTO", ((Map<String, Object>) got.get(0)).get("Title"));
        assertNull(((Map<String, Object>) got.get(1)).get("Title"));
        assertNull(got.get(2), "unknown ids give null slots");
        List<Object> posted = sf.post(Sf.V + "/composite/sobjects/Contact", "{\"ids\":[\"" + a + "\"],\"fields\":[\"LastName\"]}").list();
        assertEquals("A", ((Map<String, Object>) posted.get(0)).get("LastName"));

        List<Object> deleted = sf.delete(Sf.V + "/composite/sobjects?ids=" + a + "," + b + "&allOrNone=false").list();
        assertEquals(2, deleted.size());
        assertEquals(0, count("Contact"));
    }

    @Test
    void moreThan200RecordsIs400() {
        StringBuilder sb = new StringBuilder("{\"records\":[");
        for (int i = 0; i < 201; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A").append(i).append("\"}");
        }
        Sf.Res r = sf.post(Sf.V + "/composite/sobjects", sb.append("]}").toString());
        assertEquals(400, r.status());
        assertEquals("EXCEEDED_ID_LIMIT", r.error().get("errorCode"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void compositeChainsReferencesInOneApiCall() {
        sf.control("calls", null);
        long before = apiCalls();
        Sf.Res r = sf.post(Sf.V + "/composite", "{\"allOrNone\":true,\"compositeRequest\":["
                + "{\"method\":\"POST\",\"url\":\"/services/data/v62.0/sobjects/Account\",\"referenceId\":\"acct\",\"body\":{\"Name\":\"Acme\"}},"
                + "{\"method\":\"POST\",\"url\":\"/services/data/v62.0/sobjects/Contact\",\"referenceId\":\"c1\",\"body\":{\"LastName\":\"Li\",\"AccountId\":\"@{acct.id}\"}},"
                + "{\"method\":\"GET\",\"url\":\"/services/data/v62.0/query?q=SELECT+Id,Account.Name+FROM+Contact\",\"referenceId\":\"q\"}]}");
        assertEquals(200, r.status(), r.body());
        List<Map<String, Object>> results = (List<Map<String, Object>>) r.map().get("compositeResponse");
        assertEquals(201, ((Number) results.get(0).get("httpStatusCode")).intValue());
        assertTrue(((Map<String, Object>) results.get(0).get("httpHeaders")).get("Location").toString().startsWith("/services/data/v62.0/sobjects/Account/001"));
        assertEquals(201, ((Number) results.get(1).get("httpStatusCode")).intValue());
        assertTrue(results.get(2).get("body").toString().contains("Acme"));
        assertEquals(before + 1, apiCalls(), "a composite request is one API call");

        Sf.Res failing = sf.post(Sf.V + "/composite", "{\"allOrNone\":true,\"compositeRequest\":["
                + "{\"method\":\"POST\",\"url\":\"/services/data/v62.0/sobjects/Account\",\"referenceId\":\"a\",\"body\":{\"Name\":\"Kept?\"}},"
                + "{\"method\":\"POST\",\"url\":\"/services/data/v62.0/sobjects/Contact\",\"referenceId\":\"b\",\"body\":{\"FirstName\":\"NoLast\"}}]}");
        List<Map<String, Object>> failed = (List<Map<String, Object>>) failing.map().get("compositeResponse");
        assertEquals(400, ((Number) failed.get(0).get("httpStatusCode")).intValue());
        assertTrue(failed.get(0).get("body").toString().contains("PROCESSING_HALTED"));
        assertTrue(failed.get(1).get("body").toString().contains("REQUIRED_FIELD_MISSING"));
        assertEquals(1, count("Account"), "the first subrequest was rolled back");
    }

    private long apiCalls() {
        return ((Number) sf.send(sf.api("/__emulator/calls").GET()).map().get("apiCalls")).longValue();
    }

    private int count(String type) {
        return ((Number) sf.query("SELECT COUNT() FROM " + type).map().get("totalSize")).intValue();
    }
}
