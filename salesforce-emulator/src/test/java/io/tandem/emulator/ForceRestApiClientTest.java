package io.tandem.emulator;

import com.force.api.ApiConfig;
import com.force.api.ForceApi;
import com.force.api.QueryResult;
import com.force.api.ApiException;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An independent client from Maven Central (force-rest-api), unmodified, against the emulator: it logs
 * in with the password flow, pages through a query, creates, updates (with ?_HttpMethod=PATCH) and deletes.
 */
class ForceRestApiClientTest extends EmulatorTest {

    @Test
    @SuppressWarnings("rawtypes")
    void aThirdPartyClientWorksUnchanged() {
        SalesforceEmulator.seedDemo(emulator.emulation());
        ForceApi api = new ForceApi(new ApiConfig()
                .setLoginEndpoint(emulator.baseUrl())
                .setClientId("tandem-demo")
                .setClientSecret("tandem-demo-secret")
                .setUsername("integration@tandem-demo.example")
                .setPassword("demo-password")
                .setApiVersionString("v62.0"));

        for (int i = 0; i < 2100; i += 200) {
            StringBuilder records = new StringBuilder();
            for (int j = 0; j < 200; j++) {
                records.append(j == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Account\"},\"Name\":\"Bulk ").append(i + j).append("\"}");
            }
            sf.post(Sf.V + "/composite/sobjects", "{\"records\":[" + records + "]}");
        }
        QueryResult<Map> page = api.query("SELECT Id, Name FROM Account ORDER BY Name");
        int total = page.getTotalSize();
        assertTrue(total > 2000, "more than one page: " + total);
        Set<Object> ids = new HashSet<>();
        page.getRecords().forEach(r -> ids.add(r.get("Id")));
        while (!page.isDone()) {
            page = api.queryMore(page.getNextRecordsUrl());
            page.getRecords().forEach(r -> ids.add(r.get("Id")));
        }
        assertEquals(total, ids.size());

        String id = api.createSObject("Lead", Map.of("LastName", "Frejo", "Company", "Client Co", "Email", "frejo@client.example"));
        assertTrue(id.startsWith("00Q"));
        api.updateSObject("Lead", id, Map.of("Title", "Tester"));
        Map fetched = api.getSObject("Lead", id).as(Map.class);
        assertEquals("Tester", fetched.get("Title"));
        QueryResult<Map> found = api.query("SELECT Id, Title FROM Lead WHERE Email = 'frejo@client.example'");
        assertEquals(List.of(id), found.getRecords().stream().map(r -> r.get("Id")).toList());
        api.deleteSObject("Lead", id);
        ApiException gone = assertThrows(ApiException.class, () -> api.getSObject("Lead", id).as(Map.class));
        assertTrue(gone.getMessage().contains("ENTITY_IS_DELETED"), gone.getMessage());
    }
}
