package io.tandem.emulator;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** salesforce-api.md §9.2: a Bulk 2.0 query job from creation to its last CSV page. */
class BulkQueryTest extends EmulatorTest {

    @Test
    void runsAQueryJobAndPagesItsCsvByLocator() {
        for (int i = 0; i < 5; i++) {
            sf.create("Lead", "{\"LastName\":\"L" + i + "\",\"Company\":\"Comma, Inc\",\"Email\":\"l" + i + "@x.example\"}");
        }
        Sf.Res created = sf.post(Sf.V + "/jobs/query", "{\"operation\":\"query\",\"query\":\"SELECT Id, LastName, Company, SystemModstamp FROM Lead ORDER BY LastName\"}");
        assertEquals(200, created.status(), created.body());
        Map<String, Object> job = created.map();
        String id = (String) job.get("id");
        assertTrue(id.startsWith("750"));
        assertEquals("UploadComplete", job.get("state"));
        assertEquals("V2Query", job.get("jobType"));
        assertEquals("JOB_NOT_COMPLETE", sf.get(Sf.V + "/jobs/query/" + id + "/results").error().get("errorCode"));

        assertEquals("JobComplete", sf.get(Sf.V + "/jobs/query/" + id).map().get("state"));
        Sf.Res first = sf.get(Sf.V + "/jobs/query/" + id + "/results?maxRecords=3");
        assertEquals("text/csv", first.header("Content-Type"));
        assertEquals("3", first.header("Sforce-NumberOfRecords"));
        String[] lines = first.body().split("\n");
        assertEquals("Id,LastName,Company,SystemModstamp", lines[0]);
        assertTrue(lines[1].matches("00Q\\w{15},L0,\"Comma, Inc\",\\d{4}-.*\\.000\\+0000"), lines[1]);
        String locator = first.header("Sforce-Locator");
        Sf.Res last = sf.get(Sf.V + "/jobs/query/" + id + "/results?maxRecords=3&locator=" + locator);
        assertEquals("2", last.header("Sforce-NumberOfRecords"));
        assertEquals("null", last.header("Sforce-Locator"));
        assertEquals(409, sf.get("/services/data/v61.0/jobs/query/" + id + "/results").status(), "same API version as the job");
        assertEquals(204, sf.delete(Sf.V + "/jobs/query/" + id).status());
        assertEquals(404, sf.get(Sf.V + "/jobs/query/" + id).status());
    }

    @Test
    void readsParentFieldsAndDerivedFieldsIntoTheirColumns() {
        String acme = sf.create("Account", "{\"Name\":\"Acme\",\"Website\":\"https://acme.example\"}");
        sf.create("Contact", "{\"FirstName\":\"Ada\",\"LastName\":\"A\",\"AccountId\":\"" + acme + "\"}");
        sf.create("Contact", "{\"LastName\":\"B\"}");
        String id = (String) sf.post(Sf.V + "/jobs/query", "{\"operation\":\"query\",\"query\":\"SELECT Id, Account.Name, Name, "
                + "Account.Website, AccountId FROM Contact ORDER BY LastName\"}").map().get("id");
        sf.get(Sf.V + "/jobs/query/" + id);
        String[] lines = sf.get(Sf.V + "/jobs/query/" + id + "/results").body().split("\n");
        assertEquals("Id,Account.Name,Name,Account.Website,AccountId", lines[0]);
        assertTrue(lines[1].matches("003\\w{15},Acme,Ada A,https://acme.example," + acme), lines[1]);
        assertTrue(lines[2].matches("003\\w{15},,B,,"), lines[2]);
    }
}
