package io.tandem.interfaces.opportunities;

import io.tandem.testing.Api;
import io.tandem.testing.Eventually;
import io.tandem.testing.TandemServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opportunities on Payara Micro, MariaDB and the emulator: an Account's opportunity and a Contact's role in
 * it appear on the contact with the poll, change stage, and disappear when moved to another Account or deleted.
 */
@ExtendWith(TandemServer.class)
class OpportunitiesIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void anOpportunityAppearsOnItsAccountsContactChangesStageAndDisappears(TandemServer.Running tandem) {
        Api sf = Api.anonymous(tandem.emulator().baseUrl());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String account = sf.post("/__emulator/as-rep/Account", "{\"Name\":\"Opp Co " + tag + "\",\"Website\":\"opp" + tag + ".example\"}").json().getString("id");
        String other = sf.post("/__emulator/as-rep/Account", "{\"Name\":\"Other Co " + tag + "\"}").json().getString("id");
        String email = "buyer." + tag + "@opp" + tag + ".example";
        String sfContact = sf.post("/__emulator/as-rep/Contact", "{\"LastName\":\"Buyer\",\"Email\":\"" + email + "\",\"AccountId\":\"" + account + "\"}")
                .json().getString("id");
        long contact = Eventually.await(WAIT, () -> tandem.admin().get("/api/contacts?email=" + email).json().getJsonArray("items"), a -> a.size() == 1)
                .getJsonObject(0).getJsonNumber("id").longValue();

        String deal = sf.post("/__emulator/as-rep/Opportunity", "{\"Name\":\"Big deal " + tag + "\",\"AccountId\":\"" + account + "\",\"StageName\":"
                + "\"Prospecting\",\"CloseDate\":\"2027-01-31\",\"Amount\":125000}").json().getString("id");
        String role = sf.post("/__emulator/as-rep/OpportunityContactRole", "{\"OpportunityId\":\"" + deal + "\",\"ContactId\":\"" + sfContact
                + "\",\"Role\":\"Decision Maker\",\"IsPrimary\":true}").json().getString("id");
        JsonObject shown = Eventually.await(WAIT, () -> opportunities(tandem, contact), a -> a.size() == 1 && !a.getJsonObject(0).isNull("role"))
                .getJsonObject(0);
        assertEquals("Big deal " + tag, shown.getString("name"));
        assertEquals("Prospecting", shown.getString("stage"));
        assertEquals(0, shown.getJsonNumber("amount").bigDecimalValue().compareTo(new java.math.BigDecimal("125000")));
        assertEquals("2027-01-31", shown.getString("closeDate"));
        assertEquals("Decision Maker", shown.getString("role"));

        Eventually.nextSecond();
        sf.patch("/__emulator/as-rep/Opportunity/" + deal, "{\"StageName\":\"Negotiation\"}");
        Eventually.await(WAIT, () -> opportunities(tandem, contact), a -> a.size() == 1 && a.getJsonObject(0).getString("stage").equals("Negotiation"));

        // its role gone and the deal moved to another Account: it leaves this contact
        Eventually.nextSecond();
        assertEquals(204, sf.send(sf.request("/__emulator/as-rep/OpportunityContactRole/" + role).DELETE()).status());
        sf.patch("/__emulator/as-rep/Opportunity/" + deal, "{\"AccountId\":\"" + other + "\"}");
        Eventually.await(WAIT, () -> opportunities(tandem, contact), JsonArray::isEmpty);

        // another deal of the Account shows, and goes when deleted
        String small = sf.post("/__emulator/as-rep/Opportunity", "{\"Name\":\"Small deal " + tag + "\",\"AccountId\":\"" + account + "\",\"StageName\":"
                + "\"Qualification\",\"CloseDate\":\"2027-02-28\"}").json().getString("id");
        Eventually.await(WAIT, () -> opportunities(tandem, contact), a -> a.size() == 1);
        Eventually.nextSecond();
        assertEquals(204, sf.send(sf.request("/__emulator/as-rep/Opportunity/" + small).DELETE()).status());
        Eventually.await(WAIT, () -> opportunities(tandem, contact), JsonArray::isEmpty);
        assertTrue(tandem.admin().get("/api/contacts?email=" + email).json().getJsonArray("items").getJsonObject(0).isNull("opportunities"),
                "lists leave them out");
    }

    private static JsonArray opportunities(TandemServer.Running tandem, long contact) {
        return tandem.admin().get("/api/contacts/" + contact).json().getJsonArray("opportunities");
    }
}
