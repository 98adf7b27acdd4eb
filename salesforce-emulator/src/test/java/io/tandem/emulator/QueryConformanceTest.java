package io.tandem.emulator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** salesforce-api.md §2: SOQL, paging with locators, queryAll, literals, errors and the date format. */
class QueryConformanceTest extends EmulatorTest {

    @Test
    @SuppressWarnings("unchecked")
    void pagesWithNewLocatorsUntilDone() {
        for (int i = 0; i < 5; i++) {
            StringBuilder records = new StringBuilder();
            for (int j = 0; j < 200; j++) {
                records.append(j == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"L").append(i * 200 + j)
                        .append("\",\"Company\":\"C\"}");
            }
            assertEquals(200, sf.post(Sf.V + "/composite/sobjects", "{\"records\":[" + records + "]}").status());
        }
        Sf.Res first = sf.send(sf.api(Sf.V + "/query?q=SELECT+Id+FROM+Lead+ORDER+BY+Id").header("Sforce-Query-Options", "batchSize=300").GET());
        Map<String, Object> page = first.map();
        assertEquals(1000, ((Number) page.get("totalSize")).intValue());
        assertEquals(false, page.get("done"));
        String next = (String) page.get("nextRecordsUrl");
        assertTrue(next.matches("/services/data/v62\\.0/query/01g[A-Za-z0-9]{15}-300"), next);
        Set<String> seen = new HashSet<>();
        List<String> locators = new ArrayList<>();
        int pages = 1;
        ((List<Map<String, Object>>) page.get("records")).forEach(r -> seen.add((String) r.get("Id")));
        while (page.get("nextRecordsUrl") != null) {
            locators.add((String) page.get("nextRecordsUrl"));
            page = sf.get((String) page.get("nextRecordsUrl")).map();
            ((List<Map<String, Object>>) page.get("records")).forEach(r -> seen.add((String) r.get("Id")));
            pages++;
        }
        assertEquals(4, pages);
        assertEquals(1000, seen.size(), "every row once");
        assertEquals(locators.size(), new HashSet<>(locators).size(), "a new locator per page");
        assertEquals(400, sf.get(Sf.V + "/query/01gXXXXXXXXXXXXXXX-300").status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void filtersLikeSoql() {
        String acme = sf.create("Account", "{\"Name\":\"Acme\",\"Website\":\"https://www.acme.example\"}");
        sf.create("Contact", "{\"LastName\":\"O'Brien\",\"FirstName\":\"Ann\",\"Email\":\"ann@acme.example\",\"AccountId\":\"" + acme + "\"}");
        sf.create("Contact", "{\"LastName\":\"Back\\\\slash\",\"Email\":\"b@other.example\",\"HasOptedOutOfEmail\":true}");
        sf.create("Contact", "{\"LastName\":\"NoMail\"}");

        assertEquals(1, total("SELECT Id FROM Contact WHERE LastName = 'O\\'Brien'"));
        assertEquals(1, total("SELECT Id FROM Contact WHERE LastName = 'Back\\\\slash'"));
        assertEquals(1, total("SELECT Id FROM Contact WHERE Email = 'ANN@ACME.EXAMPLE'"), "text compares case-insensitively");
        assertEquals(2, total("SELECT Id FROM Contact WHERE Email LIKE '%.example'"));
        assertEquals(1, total("SELECT Id FROM Contact WHERE Email = null"));
        assertEquals(2, total("SELECT Id FROM Contact WHERE Email != null"));
        assertEquals(1, total("SELECT Id FROM Contact WHERE HasOptedOutOfEmail = true"));
        assertEquals(2, total("SELECT Id FROM Contact WHERE LastName IN ('NoMail', 'O\\'Brien')"));
        assertEquals(1, total("SELECT Id FROM Contact WHERE LastName NOT IN ('NoMail', 'O\\'Brien')"));
        assertEquals(2, total("SELECT Id FROM Contact WHERE (Email = null OR HasOptedOutOfEmail = true) AND NOT LastName = 'x'"));
        assertEquals(1, total("SELECT Id FROM Contact WHERE Account.Website LIKE '%acme%'"));
        assertEquals(3, total("SELECT Id FROM Contact WHERE SystemModstamp > 2020-01-01T00:00:00Z"));
        assertEquals(0, total("SELECT Id FROM Contact WHERE SystemModstamp > 2999-01-01T00:00:00.000+0000"));
        assertEquals(3, total("SELECT COUNT() FROM Contact"));

        Map<String, Object> r = (Map<String, Object>) ((List<Object>) sf.query(
                "SELECT Id, Email, Account.Name, Account.Website, SystemModstamp FROM Contact WHERE AccountId != null").map().get("records")).get(0);
        Map<String, Object> attributes = (Map<String, Object>) r.get("attributes");
        assertEquals("Contact", attributes.get("type"));
        assertTrue(((String) attributes.get("url")).startsWith("/services/data/v62.0/sobjects/Contact/003"));
        Map<String, Object> account = (Map<String, Object>) r.get("Account");
        assertEquals("Acme", account.get("Name"));
        assertEquals("Account", ((Map<String, Object>) account.get("attributes")).get("type"));
        assertTrue(((String) r.get("SystemModstamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000\\+0000"));
        Map<String, Object> privateContact = (Map<String, Object>) ((List<Object>) sf.query(
                "SELECT Id, Account.Name FROM Contact WHERE AccountId = null LIMIT 1").map().get("records")).get(0);
        assertTrue(privateContact.containsKey("Account"));
        assertNull(privateContact.get("Account"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void ordersLimitsAndOffsets() {
        for (String name : new String[] {"b", "a", "c"}) {
            sf.create("Lead", "{\"LastName\":\"" + name + "\",\"Company\":\"X\"}");
        }
        sf.create("Lead", "{\"LastName\":\"d\",\"Company\":\"X\",\"Email\":\"d@x.example\"}");
        List<Object> desc = (List<Object>) sf.query("SELECT LastName FROM Lead ORDER BY LastName DESC LIMIT 2 OFFSET 1").map().get("records");
        assertEquals(List.of("c", "b"), desc.stream().map(o -> ((Map<String, Object>) o).get("LastName")).toList());
        List<Object> nullsLast = (List<Object>) sf.query("SELECT LastName FROM Lead ORDER BY Email ASC NULLS LAST, LastName").map().get("records");
        assertEquals(List.of("d", "a", "b", "c"), nullsLast.stream().map(o -> ((Map<String, Object>) o).get("LastName")).toList(),
                "without a LIMIT every row is sorted by its keys read once");
        List<Object> nullsFirst = (List<Object>) sf.query("SELECT LastName FROM Lead ORDER BY Email DESC NULLS FIRST, LastName DESC LIMIT 3")
                .map().get("records");
        assertEquals(List.of("c", "b", "a"), nullsFirst.stream().map(o -> ((Map<String, Object>) o).get("LastName")).toList());
    }

    @Test
    void queryAllSeesTheRecycleBinAndQueryDoesNot() {
        String id = sf.create("Lead", "{\"LastName\":\"Gone\",\"Company\":\"X\"}");
        assertEquals(204, sf.delete(Sf.V + "/sobjects/Lead/" + id).status());
        assertEquals(0, total("SELECT Id FROM Lead"));
        Map<String, Object> all = sf.get(Sf.V + "/queryAll?q=SELECT+Id,IsDeleted+FROM+Lead").map();
        assertEquals(1, ((Number) all.get("totalSize")).intValue());
        assertTrue(all.get("records").toString().contains("IsDeleted=true"));
    }

    @Test
    void badQueriesGetSalesforcesErrors() {
        Sf.Res field = sf.query("SELECT Nope FROM Lead");
        assertEquals(400, field.status());
        assertEquals("INVALID_FIELD", field.error().get("errorCode"));
        assertTrue(((String) field.error().get("message")).contains("No such column 'Nope' on entity 'Lead'"));
        assertEquals("INVALID_TYPE", sf.query("SELECT Id FROM Nope").error().get("errorCode"));
        assertEquals("MALFORMED_QUERY", sf.query("SELECT Id FROM Lead WHERE").error().get("errorCode"));
        assertEquals("MALFORMED_QUERY", sf.query("SELEC Id FROM Lead").error().get("errorCode"));
        assertEquals("MALFORMED_QUERY", sf.query("SELECT Id FROM Lead WHERE LastName = 'open").error().get("errorCode"));
        Sf.Res quotedDate = sf.query("SELECT Id FROM Lead WHERE SystemModstamp > '2024-01-01T00:00:00Z'");
        assertEquals("INVALID_FIELD", quotedDate.error().get("errorCode"));
        assertTrue(((String) quotedDate.error().get("message")).contains("must be of type dateTime and should not be enclosed in quotes"));
        assertEquals(400, sf.get(Sf.V + "/query").status());
    }

    private int total(String soql) {
        Sf.Res r = sf.query(soql);
        assertEquals(200, r.status(), r.body());
        assertFalse(r.body().isEmpty());
        return ((Number) r.map().get("totalSize")).intValue();
    }
}
