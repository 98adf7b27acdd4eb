package io.tandem.interfaces.campaigns;

import io.tandem.testing.Api;
import io.tandem.testing.Database;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Campaign types, campaigns and members on Payara Micro, MariaDB and the emulator: the status rules, the
 * three ways a campaign meets Salesforce at creation (and a link made later), and members by id or email.
 */
@ExtendWith(TandemServer.class)
class CampaignsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void typesKeepTheirStatusesInOrderAndRefuseBrokenOnes(TandemServer.Running tandem) {
        String tag = tag();
        Api.Response created = tandem.admin().post("/api/campaign-types", "{\"name\":\"Webinar " + tag + "\",\"statuses\":["
                + "{\"label\":\"Invited\",\"default\":true,\"responded\":false},{\"label\":\"Registered\",\"default\":false,\"responded\":false},"
                + "{\"label\":\"Attended\",\"default\":false,\"responded\":true}]}");
        assertEquals(201, created.status(), created.body());
        JsonObject type = created.json();
        assertEquals(List.of("Invited", "Registered", "Attended"), labels(type.getJsonArray("statuses")));
        assertTrue(type.getJsonArray("statuses").getJsonObject(0).getBoolean("default"));
        assertTrue(type.getJsonArray("statuses").getJsonObject(2).getBoolean("responded"));

        Api.Response noDefault = tandem.admin().post("/api/campaign-types", "{\"name\":\"Broken " + tag + "\",\"statuses\":["
                + "{\"label\":\"Sent\",\"default\":false,\"responded\":true}]}");
        assertEquals(400, noDefault.status(), noDefault.body());
        assertTrue(noDefault.body().contains("\"field\":\"statuses\"") && noDefault.body().contains("exactly one status is the default"),
                noDefault.body());
        assertEquals(409, tandem.admin().post("/api/campaign-types", "{\"name\":\"webinar " + tag + "\",\"statuses\":[{\"label\":\"S\","
                + "\"default\":true,\"responded\":true}]}").status(), "names are unique whatever their case");

        long typeId = type.getJsonNumber("id").longValue();
        long campaign = campaign(tandem, "Spring " + tag, typeId, "{\"mode\":\"none\"}").getJsonNumber("id").longValue();
        long contact = contact(tandem, "member." + tag + "@campaigns-it.example");
        assertEquals(1, tandem.admin().post("/api/campaigns/" + campaign + "/members", "{\"members\":[{\"contactId\":" + contact
                + ",\"status\":\"registered\"}]}").json().getInt("added"));
        Api.Response inUse = tandem.admin().patch("/api/campaign-types/" + typeId, "{\"statuses\":[{\"label\":\"Attended\",\"default\":false,"
                + "\"responded\":true},{\"label\":\"Invited\",\"default\":true,\"responded\":false}]}");
        assertEquals(409, inUse.status(), "Registered has a member: " + inUse.body());
        Api.Response reordered = tandem.admin().patch("/api/campaign-types/" + typeId, "{\"statuses\":[{\"label\":\"Attended\",\"default\":false,"
                + "\"responded\":true},{\"label\":\"Registered\",\"default\":false,\"responded\":false},{\"label\":\"Invited\",\"default\":true,"
                + "\"responded\":false}]}");
        assertEquals(200, reordered.status(), reordered.body());
        assertEquals(List.of("Attended", "Registered", "Invited"), labels(reordered.json().getJsonArray("statuses")));
        assertEquals(409, tandem.admin().send(tandem.admin().request("/api/campaign-types/" + typeId).DELETE()).status(),
                "a type campaigns use stays");
    }

    @Test
    void aCampaignIsLeftUnsyncedLinkedOrMadeInSalesforceWithItsTypesStatuses(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        String tag = tag();
        long typeId = type(tandem, "Event " + tag);

        JsonObject made = campaign(tandem, "Launch " + tag, typeId, "{\"mode\":\"create\"}");
        String sfId = made.getJsonObject("salesforce").getString("id");
        JsonObject there = sf.get("/__emulator/records/" + sfId).json();
        assertEquals("Launch " + tag, there.getString("Name"));
        assertTrue(there.getBoolean("IsActive"));
        JsonArray statuses = query(sf, "SELECT Label, IsDefault, HasResponded, SortOrder FROM CampaignMemberStatus WHERE CampaignId = '"
                + sfId + "' AND IsDeleted = false ORDER BY SortOrder");
        assertEquals(List.of("Invited", "Sent", "Attended"), statuses.getValuesAs(JsonObject.class).stream().map(s -> s.getString("Label")).toList(),
                "the type's statuses in its order; Salesforce's own Responded is gone, its Sent reused");
        assertTrue(statuses.getJsonObject(0).getBoolean("IsDefault"));
        assertTrue(statuses.getJsonObject(2).getBoolean("HasResponded"));
        assertFalse(statuses.getJsonObject(1).getBoolean("IsDefault"));

        String inactive = sf.post("/__emulator/as-rep/Campaign", "{\"Name\":\"Old fair " + tag + "\",\"IsActive\":false}").json().getString("id");
        JsonObject found = tandem.admin().get("/api/campaigns/salesforce?q=" + URLEncoder.encode("fair " + tag, StandardCharsets.UTF_8)).json();
        assertEquals(1, found.getInt("total"), found.toString());
        assertEquals(inactive, found.getJsonArray("items").getJsonObject(0).getString("id"));
        JsonObject linked = campaign(tandem, "Fair " + tag, typeId, "{\"mode\":\"link\",\"id\":\"" + inactive + "\"}");
        assertEquals("Old fair " + tag, linked.getJsonObject("salesforce").getString("name"));
        assertFalse(linked.getJsonObject("salesforce").getBoolean("active"), "an inactive campaign links too");
        Api.Response twice = tandem.admin().post("/api/campaigns", "{\"name\":\"Again " + tag + "\",\"typeId\":" + typeId
                + ",\"salesforce\":{\"mode\":\"link\",\"id\":\"" + inactive + "\"}}");
        assertEquals(409, twice.status(), twice.body());

        // renamed and deactivated in Salesforce: the campaign shows it, its own name stays
        Eventually.nextSecond();
        sf.patch("/__emulator/as-rep/Campaign/" + sfId, "{\"Name\":\"Launch renamed " + tag + "\",\"IsActive\":false}");
        JsonObject seen = Eventually.await(WAIT, () -> tandem.admin().get("/api/campaigns/" + made.getJsonNumber("id").longValue()).json(),
                c -> !c.getJsonObject("salesforce").getBoolean("active"));
        assertEquals("Launch renamed " + tag, seen.getJsonObject("salesforce").getString("name"));
        assertEquals("Launch " + tag, seen.getString("name"));

        // with "write campaigns" off, none is made in Salesforce
        JsonObject settings = tandem.admin().get("/api/settings/sync").json();
        assertEquals(200, tandem.admin().send(tandem.admin().request("/api/settings/sync").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(settings.toString().replace("\"writeCampaigns\":true",
                        "\"writeCampaigns\":false")))).status());
        try {
            Api.Response off = tandem.admin().post("/api/campaigns", "{\"name\":\"Off " + tag + "\",\"typeId\":" + typeId
                    + ",\"salesforce\":{\"mode\":\"create\"}}");
            assertEquals(409, off.status(), off.body());
            assertEquals(0, query(sf, "SELECT Id FROM Campaign WHERE Name = 'Off " + tag + "'").size());
        } finally {
            tandem.admin().send(tandem.admin().request("/api/settings/sync").header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(settings.toString())));
        }

        JsonObject later = campaign(tandem, "Later " + tag, typeId, "{\"mode\":\"none\"}");
        assertTrue(later.isNull("salesforce"));
        long laterId = later.getJsonNumber("id").longValue();
        Api.Response missing = tandem.admin().post("/api/campaigns/" + laterId + "/salesforce", "{\"id\":\"701000000000000AAA\"}");
        assertEquals(400, missing.status(), missing.body());
        String other = sf.post("/__emulator/as-rep/Campaign", "{\"Name\":\"Later there " + tag + "\",\"IsActive\":true}").json().getString("id");
        JsonObject linkedLater = tandem.admin().post("/api/campaigns/" + laterId + "/salesforce", "{\"id\":\"" + other + "\"}").json();
        assertEquals(other, linkedLater.getJsonObject("salesforce").getString("id"));
        assertEquals(other, tandem.admin().get("/api/campaigns/" + laterId + "/salesforce").json().getString("id"));
    }

    @Test
    void membersComeByIdOrEmailWithAStatusOfTheType(TandemServer.Running tandem) {
        String tag = tag();
        long typeId = type(tandem, "Newsletter " + tag);
        long campaign = campaign(tandem, "Digest " + tag, typeId, null).getJsonNumber("id").longValue();
        long a = contact(tandem, "a." + tag + "@campaigns-it.example");
        contact(tandem, "b." + tag + "@campaigns-it.example");
        JsonObject added = tandem.admin().post("/api/campaigns/" + campaign + "/members", "{\"members\":[{\"contactId\":" + a + "},"
                + "{\"email\":\"B." + tag + "@Campaigns-IT.example\",\"status\":\"attended\"},{\"email\":\"nobody." + tag
                + "@campaigns-it.example\"},{\"contactId\":" + a + ",\"status\":\"Unknown\"}]}").json();
        assertEquals(2, added.getInt("added"));
        assertEquals(2, added.getInt("failed"));
        JsonArray results = added.getJsonArray("results");
        assertEquals("no such contact", results.getJsonObject(2).getString("error"));
        assertEquals("status", results.getJsonObject(3).getString("field"));

        JsonObject all = tandem.admin().get("/api/campaigns/" + campaign + "/members").json();
        assertEquals(2, all.getInt("total"));
        JsonObject first = all.getJsonArray("items").getValuesAs(JsonObject.class).stream().filter(m -> m.getJsonNumber("contactId")
                .longValue() == a).findFirst().orElseThrow();
        assertEquals("Invited", first.getString("status"), "the type's default");
        JsonObject attended = tandem.admin().get("/api/campaigns/" + campaign + "/members?status=Attended").json();
        assertEquals(1, attended.getInt("total"));
        assertEquals("b." + tag + "@campaigns-it.example", attended.getJsonArray("items").getJsonObject(0).getString("email"));

        assertEquals("Attended", tandem.admin().patch("/api/campaigns/" + campaign + "/members/" + a, "{\"status\":\"attended\"}").json()
                .getString("status"));
        assertEquals(204, tandem.admin().send(tandem.admin().request("/api/campaigns/" + campaign + "/members/" + a).DELETE()).status());
        assertEquals(1, tandem.admin().get("/api/campaigns/" + campaign + "/members").json().getInt("total"));

        StringBuilder many = new StringBuilder("{\"members\":[");
        for (int i = 0; i <= 1000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"contactId\":").append(a).append('}');
        }
        assertEquals(413, tandem.admin().post("/api/campaigns/" + campaign + "/members", many.append("]}").toString()).status());
        String token = tandem.admin().post("/api/tokens", "{\"name\":\"campaign reader " + tag + "\",\"role\":\"viewer\"}").json()
                .getString("token");
        Api viewer = tandem.anonymous().withToken(token);
        assertEquals(200, viewer.get("/api/campaigns/" + campaign + "/members").status());
        assertEquals(403, viewer.post("/api/campaigns/" + campaign + "/members", "{\"members\":[{\"contactId\":" + a + "}]}").status(),
                "viewers read, operators change");
    }

    @Test
    void membersReachTheLinkedCampaignWaitForTheirContactsAndLeaveIt(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        Database db = tandem.database();
        String tag = tag();
        long typeId = type(tandem, "Synced " + tag);
        JsonObject made = campaign(tandem, "Members " + tag, typeId, "{\"mode\":\"create\"}");
        long campaign = made.getJsonNumber("id").longValue();
        String sfCampaign = made.getJsonObject("salesforce").getString("id");
        Api.Response synced = tandem.admin().post("/api/contacts", "{\"email\":\"in." + tag + "@campaigns-it.example\",\"lastName\":\"In\"}");
        long linked = synced.json().getJsonNumber("id").longValue();
        String lead = db.awaitLinked(linked, WAIT);
        long waiting = contact(tandem, "later." + tag + "@campaigns-it.example");

        assertEquals(2, tandem.admin().post("/api/campaigns/" + campaign + "/members", "{\"members\":[{\"contactId\":" + linked
                + ",\"status\":\"attended\"},{\"contactId\":" + waiting + "}]}").json().getInt("added"));
        JsonObject member = Eventually.await(WAIT, () -> members(sf, sfCampaign, lead), list -> list.size() == 1).getJsonObject(0);
        assertEquals("Attended", member.getString("Status"), "the status as the Salesforce campaign spells it");

        // the member of a contact not linked yet waits; once the contact is pushed and linked, it goes
        assertEquals(0, db.count("SELECT COUNT(*) FROM outbox WHERE record_type = 'CAMPAIGN_MEMBER' AND status = 'FAILED' "
                + "AND record_id IN (SELECT id FROM campaign_members WHERE contact_id = ?)", waiting));
        assertEquals(202, tandem.admin().post("/api/contacts/" + waiting + "/push", "").status());
        String waitingLead = db.awaitLinked(waiting, WAIT);
        assertEquals("Invited", Eventually.await(WAIT, () -> members(sf, sfCampaign, waitingLead), list -> list.size() == 1)
                .getJsonObject(0).getString("Status"));

        // a status the Salesforce campaign lacks parks that member, with why
        assertEquals(200, tandem.admin().patch("/api/campaign-types/" + typeId, "{\"statuses\":[{\"label\":\"Invited\",\"default\":true,"
                + "\"responded\":false},{\"label\":\"sent\",\"default\":false,\"responded\":false},{\"label\":\"Attended\",\"default\":false,"
                + "\"responded\":true},{\"label\":\"Declined\",\"default\":false,\"responded\":false}]}").status());
        assertEquals(200, tandem.admin().patch("/api/campaigns/" + campaign + "/members/" + linked, "{\"status\":\"Declined\"}").status());
        String reason = Eventually.await(WAIT, () -> db.query("SELECT o.status, r.reason FROM outbox o JOIN sync_log_records r ON r.log_id = o.log_id "
                + "WHERE o.record_type = 'CAMPAIGN_MEMBER' AND o.status = 'FAILED' AND r.contact_id = ?", linked).stream()
                .map(row -> String.valueOf(row.get("reason"))).findFirst().orElse(""), r -> !r.isEmpty());
        assertTrue(reason.contains("has no member status \"Declined\""), reason);
        assertEquals("Attended", members(sf, sfCampaign, lead).getJsonObject(0).getString("Status"), "nothing sent for it");

        // a removal here removes it there
        assertEquals(204, tandem.admin().send(tandem.admin().request("/api/campaigns/" + campaign + "/members/" + waiting).DELETE()).status());
        Eventually.await(WAIT, () -> members(sf, sfCampaign, waitingLead), JsonArray::isEmpty);
        Eventually.await(WAIT, () -> db.count("SELECT COUNT(*) FROM campaign_members WHERE contact_id = ?", waiting), n -> n == 0);
    }

    @Test
    void membersAddedMovedAndRemovedInSalesforceComeInWithTheirStatus(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        Database db = tandem.database();
        String tag = tag();
        long typeId = type(tandem, "Inbound " + tag);
        JsonObject made = campaign(tandem, "From Salesforce " + tag, typeId, "{\"mode\":\"create\"}");
        long campaign = made.getJsonNumber("id").longValue();
        String sfCampaign = made.getJsonObject("salesforce").getString("id");
        long contact = tandem.admin().post("/api/contacts", "{\"email\":\"rep." + tag + "@campaigns-it.example\",\"lastName\":\"Rep\"}")
                .json().getJsonNumber("id").longValue();
        String lead = db.awaitLinked(contact, WAIT);
        String stranger = sf.post("/__emulator/as-rep/Lead", "{\"LastName\":\"Stranger\",\"Company\":\"Elsewhere\"}").json().getString("id");

        Eventually.nextSecond();
        String member = sf.post("/__emulator/as-rep/CampaignMember", "{\"CampaignId\":\"" + sfCampaign + "\",\"LeadId\":\"" + lead
                + "\",\"Status\":\"Attended\"}").json().getString("id");
        sf.post("/__emulator/as-rep/CampaignMember", "{\"CampaignId\":\"" + sfCampaign + "\",\"LeadId\":\"" + stranger + "\"}");
        JsonObject in = Eventually.await(WAIT, () -> tandem.admin().get("/api/campaigns/" + campaign + "/members").json(),
                m -> m.getInt("total") == 1);
        assertEquals("Attended", in.getJsonArray("items").getJsonObject(0).getString("status"));
        assertEquals(contact, in.getJsonArray("items").getJsonObject(0).getJsonNumber("contactId").longValue(),
                "only the member whose Lead is linked here");

        Eventually.nextSecond();
        sf.patch("/__emulator/as-rep/CampaignMember/" + member, "{\"Status\":\"Invited\"}");
        Eventually.await(WAIT, () -> tandem.admin().get("/api/campaigns/" + campaign + "/members?status=Invited").json().getInt("total"),
                n -> n == 1);

        Eventually.nextSecond();
        assertEquals(204, sf.send(sf.request("/__emulator/as-rep/CampaignMember/" + member).DELETE()).status());
        Eventually.await(WAIT, () -> tandem.admin().get("/api/campaigns/" + campaign + "/members").json().getInt("total"), n -> n == 0);
        assertEquals(0, db.count("SELECT COUNT(*) FROM outbox WHERE record_type = 'CAMPAIGN_MEMBER' AND record_id IN "
                + "(SELECT id FROM campaign_members WHERE contact_id = ?)", contact), "nothing echoed back");
    }

    @Test
    void linkingLaterBringsSalesforcesMembersInThenSendsTandemsAndTheLaterChangeWins(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        Database db = tandem.database();
        String tag = tag();
        Api.Response t = tandem.admin().post("/api/campaign-types", "{\"name\":\"Link later " + tag + "\",\"statuses\":["
                + "{\"label\":\"Sent\",\"default\":true,\"responded\":false},{\"label\":\"Attended\",\"default\":false,\"responded\":true}]}");
        long typeId = t.json().getJsonNumber("id").longValue();
        long[] people = new long[5];
        String[] leads = new String[5];
        for (int i = 0; i < people.length; i++) {
            people[i] = tandem.admin().post("/api/contacts", "{\"email\":\"p" + i + "." + tag + "@campaigns-it.example\",\"lastName\":\"P" + i + "\"}")
                    .json().getJsonNumber("id").longValue();
        }
        for (int i = 0; i < people.length; i++) {
            leads[i] = db.awaitLinked(people[i], WAIT);
        }
        String stranger = sf.post("/__emulator/as-rep/Lead", "{\"LastName\":\"Stranger\",\"Company\":\"Elsewhere\"}").json().getString("id");
        String sfCampaign = sf.post("/__emulator/as-rep/Campaign", "{\"Name\":\"Link later " + tag + "\",\"IsActive\":false}").json().getString("id");
        sf.post("/__emulator/as-rep/CampaignMemberStatus", "{\"CampaignId\":\"" + sfCampaign + "\",\"Label\":\"Attended\",\"HasResponded\":true,"
                + "\"SortOrder\":3}");
        long campaign = campaign(tandem, "Link later " + tag, typeId, null).getJsonNumber("id").longValue();

        // p1 changed in Tandem, then in Salesforce: Salesforce's is later
        addMember(tandem, campaign, people[1], "Attended");
        Eventually.nextSecond();
        addSalesforceMember(sf, sfCampaign, leads[1], "Sent");
        addSalesforceMember(sf, sfCampaign, leads[0], "Sent");
        addSalesforceMember(sf, sfCampaign, leads[3], "Attended");
        addSalesforceMember(sf, sfCampaign, leads[4], "Responded");
        addSalesforceMember(sf, sfCampaign, stranger, "Sent");
        Eventually.nextSecond();
        // p0 changed in Tandem after Salesforce: Tandem's is later; p2 only in Tandem
        addMember(tandem, campaign, people[0], "Attended");
        addMember(tandem, campaign, people[2], "Sent");

        Api.Response linked = tandem.admin().post("/api/campaigns/" + campaign + "/salesforce", "{\"id\":\"" + sfCampaign + "\"}");
        assertEquals(200, linked.status(), linked.body());
        JsonObject firstSync = Eventually.await(WAIT, () -> tandem.admin().get("/api/campaigns/" + campaign + "/salesforce").json()
                .getJsonObject("firstSync"), e -> e.getString("status").equals("COMPLETED"));
        assertEquals("campaign-link", firstSync.getString("job"));
        JsonObject in = firstSync.getJsonArray("steps").getJsonObject(0).getJsonObject("progress");
        assertEquals(5, in.getInt("salesforceMembers"), in.toString());
        assertEquals(1, in.getInt("created"), "p3, only in Salesforce: " + in);
        assertEquals(2, in.getInt("skipped"), "the stranger and p4's status the type lacks: " + in);
        assertEquals(1, in.getInt("tandemLater"), in.toString());
        assertEquals(1, firstSync.getJsonArray("steps").getJsonObject(1).getJsonObject("progress").getInt("queued"), "p2 goes out");

        assertEquals("Attended", memberStatus(tandem, campaign, people[0]), "Tandem's later change stands");
        assertEquals("Sent", memberStatus(tandem, campaign, people[1]), "Salesforce's later change came in");
        assertEquals("Attended", memberStatus(tandem, campaign, people[3]));
        assertEquals(null, memberStatus(tandem, campaign, people[4]));
        String reason = String.valueOf(db.query("SELECT r.reason FROM sync_log_records r JOIN sync_logs l ON l.id = r.log_id "
                + "WHERE l.trigger_by = 'campaign-link' AND r.contact_id = ?", people[4]).get(0).get("reason"));
        assertTrue(reason.contains("no member status \"Responded\""), reason);

        assertEquals("Attended", Eventually.await(WAIT, () -> members(sf, sfCampaign, leads[0]), a -> a.size() == 1
                && a.getJsonObject(0).getString("Status").equals("Attended")).getJsonObject(0).getString("Status"));
        assertEquals("Sent", Eventually.await(WAIT, () -> members(sf, sfCampaign, leads[2]), a -> a.size() == 1).getJsonObject(0).getString("Status"));
        assertEquals("Sent", members(sf, sfCampaign, leads[1]).getJsonObject(0).getString("Status"));
        assertEquals(1, query(sf, "SELECT Id FROM CampaignMember WHERE CampaignId = '" + sfCampaign + "' AND LeadId = '" + stranger
                + "' AND IsDeleted = false").size(), "a stranger is left alone there");
    }

    @Test
    void aLockedCampaignHoldsItsMembersBackAndEachArrivesOnceInItsLatestStatus(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        Database db = tandem.database();
        String tag = tag();
        long typeId = type(tandem, "Locked " + tag);
        JsonObject made = campaign(tandem, "Locked " + tag, typeId, "{\"mode\":\"create\"}");
        long campaign = made.getJsonNumber("id").longValue();
        String sfCampaign = made.getJsonObject("salesforce").getString("id");
        int n = 230;
        StringBuilder list = new StringBuilder();
        long[] people = new long[n];
        for (int i = 0; i < n; i++) {
            people[i] = tandem.admin().post("/api/contacts", "{\"email\":\"l" + i + "." + tag + "@campaigns-it.example\",\"lastName\":\"L" + i + "\"}")
                    .json().getJsonNumber("id").longValue();
            list.append(i == 0 ? "" : ",").append("{\"contactId\":").append(people[i]).append("}");
        }
        for (long p : people) {
            db.awaitLinked(p, WAIT);
        }
        // the next two calls writing members find the campaign locked, for each member in them
        assertEquals(200, sf.post("/__emulator/config", "{\"faults\":{\"campaignMemberLocks\":2}}").status());
        try {
            assertEquals(n, tandem.admin().post("/api/campaigns/" + campaign + "/members", "{\"members\":[" + list + "]}").json().getInt("added"));
            for (int i = 0; i < n; i += 10) {
                assertEquals(200, tandem.admin().patch("/api/campaigns/" + campaign + "/members/" + people[i], "{\"status\":\"Attended\"}").status());
            }
            Eventually.await(Duration.ofSeconds(90), () -> db.count("SELECT COUNT(*) FROM campaign_members WHERE campaign_id = ? "
                    + "AND sf_member_id IS NOT NULL", campaign), c -> c == n);
            Eventually.await(WAIT, () -> db.count("SELECT COUNT(*) FROM outbox WHERE record_type = 'CAMPAIGN_MEMBER' AND status IN "
                    + "('PENDING', 'CLAIMED') AND record_id IN (SELECT id FROM campaign_members WHERE campaign_id = ?)", campaign), c -> c == 0);
        } finally {
            sf.post("/__emulator/config", "{\"faults\":{}}");
        }
        JsonArray there = query(sf, "SELECT Id, Status FROM CampaignMember WHERE CampaignId = '" + sfCampaign + "' AND IsDeleted = false");
        assertEquals(n, there.size(), "each member once");
        assertEquals(n / 10, there.getValuesAs(JsonObject.class).stream().filter(m -> m.getString("Status").equals("Attended")).count(),
                "the later status of each member that changed");
        assertEquals(0, db.count("SELECT COUNT(*) FROM outbox WHERE record_type = 'CAMPAIGN_MEMBER' AND status = 'FAILED' AND record_id IN "
                + "(SELECT id FROM campaign_members WHERE campaign_id = ?)", campaign), "a lock is waited out, not a failure");
        assertTrue(db.count("SELECT COUNT(*) FROM sync_log_records r JOIN campaign_members m ON m.contact_id = r.contact_id "
                + "WHERE m.campaign_id = ? AND r.reason LIKE 'UNABLE_TO_LOCK_ROW%'", campaign) >= 200, "each refusal is in the sync log");
        assertEquals(0, db.count("SELECT sf_lock_attempts FROM campaigns WHERE id = ?", campaign), "the pause ended with the first write through");
    }

    private static void addMember(TandemServer.Running tandem, long campaign, long contact, String status) {
        assertEquals(1, tandem.admin().post("/api/campaigns/" + campaign + "/members", "{\"members\":[{\"contactId\":" + contact
                + ",\"status\":\"" + status + "\"}]}").json().getInt("added"));
    }

    private static void addSalesforceMember(Api sf, String campaign, String lead, String status) {
        assertEquals(201, sf.post("/__emulator/as-rep/CampaignMember", "{\"CampaignId\":\"" + campaign + "\",\"LeadId\":\"" + lead
                + "\",\"Status\":\"" + status + "\"}").status());
    }

    /** The member's status in the Tandem campaign; null when the contact is no member. */
    private static String memberStatus(TandemServer.Running tandem, long campaign, long contact) {
        return tandem.admin().get("/api/campaigns/" + campaign + "/members?limit=500").json().getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().filter(m -> m.getJsonNumber("contactId").longValue() == contact).map(m -> m.getString("status")).findFirst().orElse(null);
    }

    private static JsonArray members(Api sf, String campaignId, String leadId) {
        return query(sf, "SELECT Id, Status FROM CampaignMember WHERE CampaignId = '" + campaignId + "' AND LeadId = '" + leadId
                + "' AND IsDeleted = false");
    }

    private static long type(TandemServer.Running tandem, String name) {
        Api.Response r = tandem.admin().post("/api/campaign-types", "{\"name\":\"" + name + "\",\"statuses\":["
                + "{\"label\":\"Invited\",\"default\":true,\"responded\":false},{\"label\":\"sent\",\"default\":false,\"responded\":false},"
                + "{\"label\":\"Attended\",\"default\":false,\"responded\":true}]}");
        assertEquals(201, r.status(), r.body());
        return r.json().getJsonNumber("id").longValue();
    }

    private static JsonObject campaign(TandemServer.Running tandem, String name, long typeId, String salesforce) {
        Api.Response r = tandem.admin().post("/api/campaigns", "{\"name\":\"" + name + "\",\"typeId\":" + typeId
                + (salesforce == null ? "" : ",\"salesforce\":" + salesforce) + "}");
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private static long contact(TandemServer.Running tandem, String email) {
        Api.Response r = tandem.admin().post("/api/contacts?sync=skip", "{\"email\":\"" + email + "\"}");
        assertTrue(r.status() == 201 || r.status() == 200, r.body());
        return r.json().getJsonNumber("id").longValue();
    }

    private static JsonArray query(Api sf, String soql) {
        return sf.get("/__emulator/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8)).json().getJsonArray("records");
    }

    private static List<String> labels(JsonArray statuses) {
        return statuses.getValuesAs(JsonObject.class).stream().map(s -> s.getString("label")).toList();
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
