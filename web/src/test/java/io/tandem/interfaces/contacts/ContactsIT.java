package io.tandem.interfaces.contacts;

import io.tandem.testing.Api;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contacts through the REST API on Payara Micro and MariaDB: upsert by email, companies, bad input. */
@ExtendWith(TandemServer.class)
class ContactsIT {

    private static String unique(String local, String domain) {
        return local + "." + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
    }

    @Test
    void oneContactPerEmailWhateverItsCaseOrSpaces(TandemServer.Running tandem) {
        String email = unique("Ann", "Example.COM");
        Api.Response created = tandem.admin().post("/api/contacts", "{\"email\":\"" + email + "\",\"firstName\":\"Ann\"}");
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        assertTrue(created.header("Location").endsWith("/api/contacts/" + id));

        Api.Response again = tandem.admin().post("/api/contacts", "{\"email\":\"  " + email.toUpperCase() + " \",\"lastName\":\"Lee\"}");
        assertEquals(200, again.status(), again.body());
        assertEquals(id, again.json().getJsonNumber("id").longValue());
        assertEquals("Ann", again.json().getString("firstName"));
        assertEquals("Lee", again.json().getString("lastName"));
        Api.Response lower = tandem.admin().post("/api/contacts", "{\"email\":\"" + email.toLowerCase() + "\"}");
        assertEquals(id, lower.json().getJsonNumber("id").longValue());
        assertEquals(1, tandem.database().count("SELECT COUNT(*) FROM contacts WHERE email_key = ?", email.toLowerCase()));
    }

    @Test
    void everyContactHasACompanyAndStandaloneOnesGoWithTheirContact(TandemServer.Running tandem) {
        JsonObject work = tandem.admin().post("/api/contacts", "{\"email\":\"" + unique("bo", "acme.example") + "\"}").json();
        JsonObject company = tandem.admin().get("/api/companies/" + work.getJsonNumber("companyId")).json();
        assertTrue(company.getBoolean("standalone"));
        assertEquals("acme.example", company.getString("name"));
        String gmail = unique("cy", "gmail.com");
        JsonObject free = tandem.admin().post("/api/contacts", "{\"email\":\"" + gmail + "\"}").json();
        assertEquals(gmail, tandem.admin().get("/api/companies/" + free.getJsonNumber("companyId")).json().getString("name"),
                "a free-mail domain names no company");

        String name = "Acme Inc " + UUID.randomUUID().toString().substring(0, 6);
        Api.Response shared = tandem.admin().post("/api/companies", "{\"name\":\"" + name + "\",\"website\":\"https://www.acme.example/en\"}");
        assertEquals(201, shared.status(), shared.body());
        long sharedId = shared.json().getJsonNumber("id").longValue();
        assertEquals("acme.example", shared.json().getString("domain"));

        long oldCompany = work.getJsonNumber("companyId").longValue();
        Api.Response moved = tandem.admin().patch("/api/contacts/" + work.getJsonNumber("id"), "{\"companyId\":" + sharedId + "}");
        assertEquals(200, moved.status(), moved.body());
        assertEquals(404, tandem.admin().get("/api/companies/" + oldCompany).status(), "the emptied standalone company is gone");
        assertEquals(409, tandem.admin().delete("/api/companies/" + sharedId).status(), "a company with contacts stays");
        JsonObject listed = tandem.admin().get("/api/companies?name=" + name.replace(" ", "%20")).json();
        assertEquals(1, listed.getInt("total"));
        assertEquals(1, listed.getJsonArray("items").getJsonObject(0).getInt("contacts"), "counted in the list too");

        assertEquals(204, tandem.admin().delete("/api/contacts/" + free.getJsonNumber("id")).status());
        assertEquals(404, tandem.admin().get("/api/companies/" + free.getJsonNumber("companyId")).status());
        assertEquals(0, tandem.database().count("SELECT COUNT(*) FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE co.id IS NULL"));
    }

    @Test
    void badInputIs400NamingTheFieldAndWritesNothing(TandemServer.Running tandem) {
        long before = tandem.database().count("SELECT COUNT(*) FROM contacts");
        assertFieldError(tandem.admin().post("/api/contacts", "{\"email\":\"not-an-email\"}"), "email");
        assertFieldError(tandem.admin().post("/api/contacts", "{\"firstName\":\"No Email\"}"), "email");
        assertFieldError(tandem.admin().post("/api/contacts", "{\"email\":\"" + unique("x", "a.example") + "\",\"nickname\":\"x\"}"), "nickname");
        assertFieldError(tandem.admin().post("/api/contacts", "{\"email\":\"" + unique("x", "a.example") + "\",\"leadScore\":\"high\"}"), "leadScore");
        assertFieldError(tandem.admin().post("/api/contacts", "{\"email\":\"" + unique("x", "a.example") + "\",\"firstName\":\"" + "n".repeat(41) + "\"}"), "firstName");
        assertFieldError(tandem.admin().post("/api/contacts", "{\"email\":\"" + unique("x", "a.example") + "\",\"companyId\":999999999}"), "companyId");
        assertFieldError(tandem.admin().post("/api/contacts", "[1,2]"), "body");
        assertEquals(400, tandem.admin().post("/api/contacts", "{\"email\":").status());
        assertFieldError(tandem.admin().post("/api/contacts?sync=later", "{\"email\":\"" + unique("x", "a.example") + "\"}"), "sync");
        Api.Response both = tandem.admin().post("/api/contacts", "{\"email\":\"bad\",\"leadScore\":\"x\"}");
        assertEquals(2, both.json().getJsonArray("errors").size(), "every error at once");
        assertEquals(before, tandem.database().count("SELECT COUNT(*) FROM contacts"));
        assertEquals(404, tandem.admin().get("/api/contacts/987654321").status());
    }

    @Test
    void listsWithFiltersAndCursors(TandemServer.Running tandem) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            // sync=skip: the drain would link them to Salesforce within seconds otherwise
            tandem.admin().post("/api/contacts?sync=skip", "{\"email\":\"list" + i + "." + tag + "@list.example\",\"lastName\":\"Zed" + tag + "\"}");
        }
        JsonObject page = tandem.admin().get("/api/contacts?q=" + tag + "&limit=2").json();
        assertEquals(5, page.getInt("total"));
        assertEquals(2, page.getJsonArray("items").size());
        int seen = 2;
        while (!page.isNull("next")) {
            page = tandem.admin().get("/api/contacts?q=" + tag + "&limit=2&cursor=" + page.getString("next")).json();
            seen += page.getJsonArray("items").size();
        }
        assertEquals(5, seen);
        assertEquals(1, tandem.admin().get("/api/contacts?email=LIST3." + tag.toUpperCase() + "@list.example").json().getInt("total"));
        assertTrue(tandem.admin().get("/api/contacts?linked=false&limit=1").json().getInt("total") >= 5);
        assertFieldError(tandem.admin().get("/api/contacts?cursor=garbage"), "cursor");
        assertFieldError(tandem.admin().get("/api/contacts?limit=5000"), "limit");
    }

    @Test
    void viewersReadAndOperatorsWrite(TandemServer.Running tandem) {
        String viewerToken = tandem.admin().post("/api/tokens", "{\"name\":\"viewer\",\"role\":\"viewer\"}").json().getString("token");
        Api viewer = tandem.anonymous().withToken(viewerToken);
        assertEquals(200, viewer.get("/api/contacts?limit=1").status());
        assertEquals(403, viewer.post("/api/contacts", "{\"email\":\"" + unique("v", "a.example") + "\"}").status());
        String operatorToken = tandem.admin().post("/api/tokens", "{\"name\":\"op\",\"role\":\"operator\"}").json().getString("token");
        Api operator = tandem.anonymous().withToken(operatorToken);
        assertEquals(201, operator.post("/api/contacts", "{\"email\":\"" + unique("o", "a.example") + "\"}").status());
        assertEquals(403, operator.post("/api/fields", "{\"name\":\"x\",\"type\":\"text\"}").status(), "fields are the admin's");
        assertFalse(viewer.get("/api/contacts?limit=1").body().contains("password"));
    }

    static void assertFieldError(Api.Response r, String field) {
        assertEquals(400, r.status(), r.body());
        assertTrue(r.json().getJsonArray("errors").stream().anyMatch(e -> field.equals(e.asJsonObject().getString("field", null))),
                "expected an error on " + field + ": " + r.body());
    }
}
