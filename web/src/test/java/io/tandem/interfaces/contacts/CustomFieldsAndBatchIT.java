package io.tandem.interfaces.contacts;

import io.tandem.testing.Api;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static io.tandem.interfaces.contacts.ContactsIT.assertFieldError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed custom fields, and the batch API with its per-item results and flags. */
@ExtendWith(TandemServer.class)
class CustomFieldsAndBatchIT {

    @Test
    void customFieldsAreTypedAndChecked(TandemServer.Running tandem) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String score = "score" + suffix;
        String tier = "tier" + suffix;
        assertEquals(201, tandem.admin().post("/api/fields", "{\"name\":\"" + score + "\",\"type\":\"number\"}").status());
        assertEquals(201, tandem.admin().post("/api/fields", "{\"name\":\"" + tier + "\",\"type\":\"picklist\",\"options\":[\"Gold\",\"Silver\"]}").status());
        assertEquals(409, tandem.admin().post("/api/fields", "{\"name\":\"" + tier + "\",\"type\":\"text\"}").status());
        assertFieldError(tandem.admin().post("/api/fields", "{\"name\":\"Bad Name\",\"type\":\"text\"}"), "name");
        assertFieldError(tandem.admin().post("/api/fields", "{\"name\":\"ok" + suffix + "\",\"type\":\"colour\"}"), "type");

        String email = "cf." + suffix + "@fields.example";
        Api.Response ok = tandem.admin().post("/api/contacts", "{\"email\":\"" + email + "\",\"customFields\":{\"" + score + "\":42.5,\"" + tier + "\":\"gold\"}}");
        assertEquals(201, ok.status(), ok.body());
        JsonObject custom = ok.json().getJsonObject("customFields");
        assertEquals(42.5, custom.getJsonNumber(score).doubleValue());
        assertEquals("Gold", custom.getString(tier), "picklist values take the defined spelling");
        assertFieldError(tandem.admin().post("/api/contacts", "{\"email\":\"" + email + "\",\"customFields\":{\"" + score + "\":\"lots\"}}"),
                "customFields." + score);
        assertFieldError(tandem.admin().post("/api/contacts", "{\"email\":\"" + email + "\",\"customFields\":{\"" + tier + "\":\"Bronze\"}}"),
                "customFields." + tier);
        assertFieldError(tandem.admin().post("/api/contacts", "{\"email\":\"" + email + "\",\"customFields\":{\"nope" + suffix + "\":1}}"),
                "customFields.nope" + suffix);
    }

    @Test
    void aBatchAnswersEveryItemAndABadOneFailsAlone(TandemServer.Running tandem) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"contacts\":[{\"email\":\"b1." + tag + "@batch.example\",\"firstName\":\"One\"},"
                + "{\"email\":\"broken\"},{\"email\":\"B1." + tag + "@BATCH.example\",\"lastName\":\"Same\"},"
                + "{\"email\":\"b2." + tag + "@batch.example\",\"leadScore\":7}]}";
        Api.Response r = tandem.admin().post("/api/contacts/batch", body);
        assertEquals(200, r.status(), r.body());
        JsonArray results = r.json().getJsonArray("results");
        assertEquals(4, results.size());
        assertEquals("created", results.getJsonObject(0).getString("status"));
        assertEquals("failed", results.getJsonObject(1).getString("status"));
        assertEquals("email", results.getJsonObject(1).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("updated", results.getJsonObject(2).getString("status"), "the same email later in the batch updates");
        assertEquals(results.getJsonObject(0).getJsonNumber("id"), results.getJsonObject(2).getJsonNumber("id"));
        assertEquals("created", results.getJsonObject(3).getString("status"));
        assertEquals(2, tandem.database().count("SELECT COUNT(*) FROM contacts WHERE email_key LIKE ?", "%." + tag + "@batch.example"));
    }

    @Test
    void updateOnlyAndDontOverwriteNonEmpty(TandemServer.Running tandem) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String known = "known." + tag + "@flags.example";
        tandem.admin().post("/api/contacts", "{\"email\":\"" + known + "\",\"firstName\":\"Kept\"}");
        JsonArray results = tandem.admin().post("/api/contacts/batch", "{\"updateOnly\":true,\"dontOverwriteNonEmpty\":true,\"contacts\":["
                + "{\"email\":\"" + known + "\",\"firstName\":\"Overwritten\",\"title\":\"CFO\"},"
                + "{\"email\":\"new." + tag + "@flags.example\"}]}").json().getJsonArray("results");
        assertEquals("updated", results.getJsonObject(0).getString("status"));
        assertEquals("failed", results.getJsonObject(1).getString("status"));
        JsonObject contact = tandem.admin().get("/api/contacts?email=" + known).json().getJsonArray("items").getJsonObject(0);
        assertEquals("Kept", contact.getString("firstName"));
        assertEquals("CFO", contact.getString("title"));
    }

    @Test
    void moreThanAThousandIs400(TandemServer.Running tandem) {
        StringBuilder sb = new StringBuilder("{\"contacts\":[");
        for (int i = 0; i < 1001; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"email\":\"m").append(i).append("@many.example\"}");
        }
        Api.Response r = tandem.admin().post("/api/contacts/batch", sb.append("]}").toString());
        assertFieldError(r, "contacts");
        assertTrue(r.body().contains("1001"));
        assertEquals(0, tandem.database().count("SELECT COUNT(*) FROM contacts WHERE email_key LIKE '%@many.example'"));
    }
}
