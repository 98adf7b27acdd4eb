package io.tandem.emulator;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a real org does: campaign statuses and members, conversion, merge, assignment, change feeds. */
class OrgBehaviourTest extends EmulatorTest {

    @Test
    @SuppressWarnings("unchecked")
    void campaignsGetSentAndRespondedAndMembersFollowThem() {
        String campaign = sf.create("Campaign", "{\"Name\":\"Webinar\"}");
        List<Object> statuses = (List<Object>) sf.query("SELECT Label, IsDefault, HasResponded FROM CampaignMemberStatus WHERE CampaignId = '"
                + campaign + "' ORDER BY SortOrder").map().get("records");
        assertEquals("Sent", ((Map<String, Object>) statuses.get(0)).get("Label"));
        assertEquals(true, ((Map<String, Object>) statuses.get(0)).get("IsDefault"));
        assertEquals("Responded", ((Map<String, Object>) statuses.get(1)).get("Label"));
        assertEquals(true, ((Map<String, Object>) statuses.get(1)).get("HasResponded"));

        String lead = sf.create("Lead", "{\"LastName\":\"Li\",\"Company\":\"X\"}");
        String member = sf.create("CampaignMember", "{\"CampaignId\":\"" + campaign + "\",\"LeadId\":\"" + lead + "\"}");
        assertEquals("Sent", sf.get(Sf.V + "/sobjects/CampaignMember/" + member).map().get("Status"));
        Sf.Res duplicate = sf.post(Sf.V + "/sobjects/CampaignMember", "{\"CampaignId\":\"" + campaign + "\",\"LeadId\":\"" + lead + "\"}");
        assertEquals("DUPLICATE_VALUE", duplicate.error().get("errorCode"));
        assertEquals("Already a campaign member.", duplicate.error().get("message"));
        assertEquals("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                sf.patch(Sf.V + "/sobjects/CampaignMember/" + member, "{\"Status\":\"Attended\"}").error().get("errorCode"));
        assertEquals(204, sf.patch(Sf.V + "/sobjects/CampaignMember/" + member, "{\"Status\":\"Responded\"}").status());
        Map<String, Object> m = sf.get(Sf.V + "/sobjects/CampaignMember/" + member).map();
        assertEquals(true, m.get("HasResponded"));
        assertTrue(m.get("FirstRespondedDate").toString().matches("\\d{4}-\\d\\d-\\d\\d"));
    }

    @Test
    void convertingALeadMakesAContactAndAccountAndFreezesTheLead() {
        String lead = sf.create("Lead", "{\"LastName\":\"Li\",\"FirstName\":\"Ann\",\"Company\":\"Acme\",\"Email\":\"ann@acme.example\"}");
        Map<String, Object> ids = sf.control("convert/" + lead, "{}").map();
        Map<String, Object> converted = sf.get(Sf.V + "/sobjects/Lead/" + lead).map();
        assertEquals(true, converted.get("IsConverted"));
        assertEquals(ids.get("contactId"), converted.get("ConvertedContactId"));
        assertEquals(ids.get("accountId"), converted.get("ConvertedAccountId"));
        assertEquals("Closed - Converted", converted.get("Status"));
        Map<String, Object> contact = sf.get(Sf.V + "/sobjects/Contact/" + ids.get("contactId")).map();
        assertEquals("ann@acme.example", contact.get("Email"));
        assertEquals(ids.get("accountId"), contact.get("AccountId"));
        assertEquals("Acme", sf.get(Sf.V + "/sobjects/Account/" + ids.get("accountId")).map().get("Name"));
        assertEquals("CANNOT_UPDATE_CONVERTED_LEAD", sf.patch(Sf.V + "/sobjects/Lead/" + lead, "{\"Title\":\"x\"}").error().get("errorCode"));
    }

    @Test
    void mergingDeletesTheLosersWithMasterRecordId() {
        String account = sf.create("Account", "{\"Name\":\"A\"}");
        String master = sf.create("Contact", "{\"LastName\":\"Keep\"}");
        String loser = sf.create("Contact", "{\"LastName\":\"Lose\",\"AccountId\":\"" + account + "\"}");
        sf.control("merge", "{\"masterId\":\"" + master + "\",\"mergeIds\":[\"" + loser + "\"]}");
        Map<String, Object> gone = (Map<String, Object>) ((List<?>) sf.get(Sf.V + "/queryAll?q="
                + URLEncoder.encode("SELECT Id, IsDeleted, MasterRecordId FROM Contact WHERE Id = '" + loser + "'", StandardCharsets.UTF_8))
                .map().get("records")).get(0);
        assertEquals(true, gone.get("IsDeleted"));
        assertEquals(master, gone.get("MasterRecordId"));
    }

    @Test
    void theAssignmentRuleOwnsNewLeadsUnlessAutoAssignIsFalse() {
        Map<String, Object> users = sf.send(sf.api("/__emulator/users").GET()).map();
        sf.control("config", "{\"leadAssignmentRule\":{\"active\":true}}");
        String routed = sf.create("Lead", "{\"LastName\":\"Routed\",\"Company\":\"X\"}");
        assertEquals(users.get("webLeadsQueue"), sf.get(Sf.V + "/sobjects/Lead/" + routed).map().get("OwnerId"));
        Sf.Res kept = sf.send(sf.api(Sf.V + "/sobjects/Lead").header("Content-Type", "application/json").header("Sforce-Auto-Assign", "FALSE")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"LastName\":\"Kept\",\"Company\":\"X\",\"OwnerId\":\"" + users.get("rep2") + "\"}")));
        assertEquals(users.get("rep2"), sf.get(Sf.V + "/sobjects/Lead/" + kept.map().get("id")).map().get("OwnerId"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void salesRepEditsBumpModstampsWithoutApiCallsAndShowInTheChangeFeeds() {
        String lead = sf.create("Lead", "{\"LastName\":\"Li\",\"Company\":\"X\"}");
        String before = (String) sf.get(Sf.V + "/sobjects/Lead/" + lead).map().get("SystemModstamp");
        sf.control("config", "{\"advanceClockSeconds\":5}");
        long calls = ((Number) sf.send(sf.api("/__emulator/calls").GET()).map().get("apiCalls")).longValue();
        assertEquals(204, sf.send(sf.api("/__emulator/as-rep/Lead/" + lead).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"Title\":\"VP\"}"))).status());
        assertEquals(calls, ((Number) sf.send(sf.api("/__emulator/calls").GET()).map().get("apiCalls")).longValue());
        Map<String, Object> after = sf.get(Sf.V + "/sobjects/Lead/" + lead).map();
        assertNotEquals(before, after.get("SystemModstamp"));
        Map<String, Object> users = sf.send(sf.api("/__emulator/users").GET()).map();
        assertEquals(users.get("rep1"), after.get("LastModifiedById"));

        // the feeds cover whole minutes up to now: let the minute of the edit pass
        sf.control("config", "{\"advanceClockSeconds\":120}");
        String start = Instant.now().minus(10, ChronoUnit.MINUTES).toString();
        String end = Instant.now().plus(30, ChronoUnit.MINUTES).toString();
        Map<String, Object> updated = sf.get(Sf.V + "/sobjects/Lead/updated/?start=" + start + "&end=" + end).map();
        assertEquals(List.of(lead), updated.get("ids"));
        assertTrue(updated.get("latestDateCovered").toString().endsWith(":00.000+0000"), "to the minute");
        sf.delete(Sf.V + "/sobjects/Lead/" + lead);
        sf.control("config", "{\"advanceClockSeconds\":120}");
        Map<String, Object> deleted = sf.get(Sf.V + "/sobjects/Lead/deleted/?start=" + start + "&end=" + end).map();
        assertEquals(lead, ((Map<String, Object>) ((List<Object>) deleted.get("deletedRecords")).get(0)).get("id"));
        assertEquals("INVALID_REPLICATION_DATE", sf.get(Sf.V + "/sobjects/Lead/updated/?start=" + end + "&end=" + start).error().get("errorCode"));
    }
}
