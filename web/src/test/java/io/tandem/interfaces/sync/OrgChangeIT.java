package io.tandem.interfaces.sync;

import io.tandem.testing.Api;
import io.tandem.testing.Database;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * §4: the login address leads to another org (the emulator answers logins with another organization id):
 * nothing syncs until an admin chooses; starting over clears the links and imports afresh, keeping the
 * links adopts the new org as it is.
 */
@ExtendWith(TandemServer.class)
class OrgChangeIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String OTHER_ORG = "00DOTHERORG00AAAAA";

    @Test
    void anotherOrgStopsTheSyncUntilAnAdminStartsOverOrKeepsTheLinks(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        Database db = tandem.database();
        if (!tandem.admin().get("/api/sync/import").json().getString("status").equals("COMPLETED")) {
            tandem.importAfresh("{}");
        }
        Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/import").json().getString("status"), "COMPLETED"::equals);
        JsonObject before = Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/org").json(), o -> !o.isNull("linkedOrgId"));
        String original = before.getString("linkedOrgId");
        assertFalse(before.getBoolean("changed"), before.toString());
        assertEquals(409, tandem.admin().post("/api/sync/org", "{\"choice\":\"keep\"}").status(), "nothing to choose yet");

        String tag = UUID.randomUUID().toString().substring(0, 8);
        long contact = tandem.admin().post("/api/contacts", "{\"email\":\"org." + tag + "@org-change.example\",\"lastName\":\"Org\"}")
                .json().getJsonNumber("id").longValue();
        String linked = awaitLinked(db, contact);

        assertEquals(200, sf.post("/__emulator/config", "{\"organizationId\":\"" + OTHER_ORG + "\"}").status());
        try {
            JsonObject changed = Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/org").json(), o -> o.getBoolean("changed"));
            assertEquals(original, changed.getString("linkedOrgId"));
            assertEquals(OTHER_ORG, changed.getString("connectedOrgId"));
            JsonObject outbound = Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/overview").json().getJsonObject("outbound"),
                    o -> o.getString("pausedReason", "").contains(OTHER_ORG));
            assertTrue(outbound.getString("pausedReason").contains("admin"), outbound.toString());

            // a change made now waits in the queue: nothing is written to the other org
            assertEquals(200, tandem.admin().patch("/api/contacts/" + contact, "{\"title\":\"Waits\"}").status());
            Eventually.await(WAIT, () -> tandem.admin().post("/api/sync/poll", "{}").json(), p -> p.getString("outcome").contains(OTHER_ORG));
            assertTrue(db.count("SELECT COUNT(*) FROM outbox WHERE record_type = 'CONTACT' AND record_id = ? AND status = 'PENDING'",
                    contact) >= 1, "the change waits");
            String operator = "op-" + tag;
            assertEquals(201, tandem.admin().post("/api/users", "{\"name\":\"" + operator + "\",\"password\":\"Orgs-change-" + tag
                    + "\",\"role\":\"operator\"}").status());
            Api op = Api.basic(tandem.baseUrl(), operator, "Orgs-change-" + tag);
            assertEquals(200, op.get("/api/sync/org").status(), "everyone signed in sees it");
            assertEquals(403, op.post("/api/sync/org", "{\"choice\":\"keep\"}").status(), "an admin decides");
            assertEquals(400, tandem.admin().post("/api/sync/org", "{\"choice\":\"maybe\"}").status());

            Api.Response startedOver = tandem.admin().post("/api/sync/org", "{\"choice\":\"start-over\"}");
            assertEquals(200, startedOver.status(), startedOver.body());
            assertTrue(startedOver.json().getInt("contactsUnlinked") >= 1, startedOver.body());
            assertFalse(startedOver.json().getJsonObject("org").getBoolean("changed"));
            assertEquals(OTHER_ORG, startedOver.json().getJsonObject("org").getString("linkedOrgId"));
            // the fresh import links the contact again by email (the emulator keeps the same records)
            Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/import").json().getString("status"), "COMPLETED"::equals);
            assertEquals(linked, awaitLinked(db, contact));
            Eventually.await(WAIT, () -> sf.get("/__emulator/records/" + linked).json().getString("Title", ""), "Waits"::equals);
        } finally {
            assertEquals(200, sf.post("/__emulator/config", "{\"organizationId\":\"" + original + "\"}").status());
        }
        // back at the first org: same records, a new address as far as Tandem can tell; keeping the links is right
        Eventually.await(WAIT, () -> tandem.admin().get("/api/sync/org").json(), o -> o.getBoolean("changed"));
        Api.Response kept = tandem.admin().post("/api/sync/org", "{\"choice\":\"keep\"}");
        assertEquals(200, kept.status(), kept.body());
        assertEquals(original, kept.json().getString("linkedOrgId"));
        assertEquals(linked, db.query("SELECT sf_id FROM contacts WHERE id = ?", contact).get(0).get("sf_id"), "links kept");
        long later = tandem.admin().post("/api/contacts", "{\"email\":\"kept." + tag + "@org-change.example\",\"lastName\":\"Kept\"}")
                .json().getJsonNumber("id").longValue();
        assertEquals("Kept", sf.get("/__emulator/records/" + awaitLinked(db, later)).json().getString("LastName"), "the sync goes on");
        JsonObject after = tandem.admin().get("/api/sync/org").json();
        assertTrue(!after.containsKey("message") || after.isNull("message"), "nothing to decide any more: " + after);
    }

    private static String awaitLinked(Database db, long contactId) {
        return db.awaitLinked(contactId, WAIT);
    }
}
