package io.tandem.infrastructure.salesforce;

import io.tandem.domain.model.sync.Watermark;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceRecord;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading changes by (SystemModstamp, Id) watermark against the emulator, where many rows share a stamp. */
class RestSalesforceGatewayTest extends EmulatedOrgTest {

    private static final java.time.Instant LATER = java.time.Instant.now().plusSeconds(86_400);

    private SalesforceGateway gateway;

    @BeforeEach
    void gateway() {
        gateway = new RestSalesforceGateway(client, "v62.0");
    }

    @Test
    void pagesByWatermarkWithoutMissingOrRepeatingRowsThatShareAStamp() {
        for (int batch = 0; batch < 3; batch++) {
            JsonArrayBuilder records = Json.createArrayBuilder();
            for (int i = 0; i < 150; i++) {
                records.add(Json.createObjectBuilder().add("attributes", Json.createObjectBuilder().add("type", "Account"))
                        .add("Name", "Acme " + batch + "-" + i).add("Website", "https://acme" + i + ".example"));
            }
            client.send("POST", "/services/data/v62.0/composite/sobjects", Json.createObjectBuilder().add("records", records).build());
        }
        Set<String> seen = new HashSet<>();
        Watermark w = Watermark.BEGINNING;
        int pages = 0;
        SalesforceGateway.Changes changes;
        do {
            changes = gateway.changedSince("Account", List.of("Name", "Website"), w, LATER, 100);
            for (SalesforceRecord r : changes.records()) {
                assertTrue(seen.add(r.id()), "read twice: " + r.id());
                assertTrue(r.fields().get("Name").toString().startsWith("Acme "));
            }
            w = changes.next();
            pages++;
        } while (changes.more());
        assertEquals(450, seen.size());
        assertTrue(pages >= 5);
        assertTrue(gateway.changedSince("Account", List.of("Name"), w, LATER, 100).records().isEmpty(), "nothing after the last");
    }

    @Test
    void deletionsComeThroughTheSamePass() {
        String id = client.send("POST", "/services/data/v62.0/sobjects/Contact", Json.createObjectBuilder().add("LastName", "Gone").build())
                .asJsonObject().getString("id");
        Watermark w = gateway.changedSince("Contact", List.of("LastName"), Watermark.BEGINNING, LATER, 100).next();
        emulator.emulation().org().advanceClock(2000);
        client.send("DELETE", "/services/data/v62.0/sobjects/Contact/" + id, null);
        List<SalesforceRecord> after = gateway.changedSince("Contact", List.of("LastName"), w, LATER, 100).records();
        assertEquals(1, after.size());
        assertTrue(after.get(0).deleted());
        assertEquals(id, after.get(0).id());
    }

    @Test
    void askingWhetherThreeObjectsChangedCostsOneCall() {
        client.send("POST", "/services/data/v62.0/sobjects/Account", Json.createObjectBuilder().add("Name", "Solo").build());
        Watermark accounts = gateway.changedSince("Account", List.of("Name"), Watermark.BEGINNING, LATER, 100).next();
        long before = client.calls();
        Map<String, Watermark> marks = new LinkedHashMap<>();
        marks.put("Account", accounts);
        marks.put("Contact", Watermark.BEGINNING);
        marks.put("Lead", Watermark.BEGINNING);
        Map<String, Boolean> changed = gateway.anyChanges(marks, LATER);
        assertEquals(1, client.calls() - before);
        assertEquals(Map.of("Account", false, "Contact", false, "Lead", false), changed);
        client.send("POST", "/services/data/v62.0/sobjects/Lead", Json.createObjectBuilder().add("LastName", "New").add("Company", "C").build());
        assertTrue(gateway.anyChanges(marks, LATER).get("Lead"));
        assertFalse(gateway.anyChanges(marks, LATER).get("Account"));
        assertTrue(gateway.apiUsage()[0] > 0);
    }

    @Test
    void contactsOpenLeadsAndAccountsForNewContactsComeInOneCall() {
        String contact = create("Contact", Json.createObjectBuilder().add("LastName", "Known").add("Email", "known@acme.example"));
        String lead = create("Lead", Json.createObjectBuilder().add("LastName", "Open").add("Company", "C").add("Email", "open@acme.example"));
        create("Lead", Json.createObjectBuilder().add("LastName", "Twin").add("Company", "C").add("Email", "known@acme.example"));
        String account = create("Account", Json.createObjectBuilder().add("Name", "Acme").add("Website", "https://www.acme.example/en"));
        create("Account", Json.createObjectBuilder().add("Name", "Other").add("Website", "https://other.example"));
        long before = client.calls();
        SalesforceGateway.Matches m = gateway.findMatches(List.of("known@acme.example", "open@acme.example", "none@acme.example"),
                List.of("LastName"), List.of("LastName", "Company"), List.of("acme.example"));
        assertEquals(1, client.calls() - before, "one composite call for the three queries");
        assertEquals(List.of(contact), m.contacts().stream().map(SalesforceRecord::id).toList());
        assertEquals("known@acme.example", m.contacts().get(0).fields().get("Email"));
        assertTrue(m.leads().stream().anyMatch(r -> r.id().equals(lead)), "the open Lead");
        assertEquals(List.of(account), m.accounts().stream().map(SalesforceRecord::id).toList());
        assertTrue(gateway.findMatches(List.of("x@y.example"), List.of(), List.of(), List.of()).accounts().isEmpty(),
                "no domains, no Account query");
    }

    @Test
    void theOrganizationIdComesFromTheLoginAndChangesWithTheOrg() {
        String first = gateway.organizationId();
        assertTrue(first.startsWith("00D"), first);
        try {
            control("config", "{\"organizationId\":\"00DOTHER00000AAAAA\"}");
            long accounts = (Long) emulator.emulation().counts().get("Account");
            SalesforceException stopped = org.junit.jupiter.api.Assertions.assertThrows(SalesforceException.class, () ->
                    client.send("POST", "/services/data/v62.0/sobjects/Account", Json.createObjectBuilder().add("Name", "After").build()));
            assertEquals("ORG_CHANGED", stopped.errorCode());
            assertEquals(accounts, (Long) emulator.emulation().counts().get("Account"), "the call that met another org went no further");
            assertEquals("00DOTHER00000AAAAA", gateway.organizationId(), "logged in again to the org the address now leads to");
        } finally {
            control("config", "{\"organizationId\":\"" + first + "\"}");
        }
    }

    private String create(String object, jakarta.json.JsonObjectBuilder fields) {
        return client.send("POST", "/services/data/v62.0/sobjects/" + object, fields.build()).asJsonObject().getString("id");
    }
}
