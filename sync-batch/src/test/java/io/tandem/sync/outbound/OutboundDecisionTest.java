package io.tandem.sync.outbound;

import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactChanges;
import io.tandem.domain.model.contact.ContactField;
import io.tandem.domain.model.contact.SyncOnCreate;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.model.field.FieldMapping;
import io.tandem.domain.model.field.SyncMode;
import io.tandem.domain.service.MappedFields;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.domain.shared.EmailAddress;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drain's decision per field and record (§3, §5), against the Salesforce record read right before
 * sending: what goes out under each mode, what is skipped and why, and which values become the base.
 */
class OutboundDecisionTest {

    private static final Instant T1 = Instant.parse("2026-05-01T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-05-01T10:00:00Z");
    private static final Instant T3 = Instant.parse("2026-05-01T11:00:00Z");
    private static final Map<String, String> ON_CONTACT = Map.of("firstName", "FirstName", "title", "Title", "city", "MailingCity",
            "leadScore", "Score__c");

    private final ContactPlan plan = new ContactPlan(7);

    private static Contact contact(Object... fieldValuePairs) {
        Contact c = new Contact(EmailAddress.of("Ann.Lee@Acme.example"), 1, SystemSource.API, SyncOnCreate.NOW, T1);
        ContactChanges changes = new ContactChanges();
        for (int i = 0; i < fieldValuePairs.length; i += 2) {
            changes.set((ContactField) fieldValuePairs[i], fieldValuePairs[i + 1]);
        }
        c.apply(changes, false, SystemSource.API, T2);
        return c;
    }

    private static SalesforceRecord record(Instant modified, Object... nameValuePairs) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            fields.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return new SalesforceRecord("Contact", "003000000000001", modified, modified, false, null, fields);
    }

    private static MappedFields all(SyncMode mode) {
        List<FieldMapping> mappings = new ArrayList<>();
        ON_CONTACT.forEach((field, name) -> mappings.add(new FieldMapping(field, null, name, null, mode, T1)));
        return MappedFields.of(mappings, List.of());
    }

    private Map<String, Object> decide(Contact c, SalesforceRecord sf, SyncMode mode, String... changed) {
        return ContactWrites.decide(c, sf, new LinkedHashSet<>(List.of(changed)), ON_CONTACT, all(mode), plan);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> skipped() {
        return (Map<String, String>) plan.detail.getOrDefault("skipped", Map.of());
    }

    @Test
    void byDefaultAValueGoesOutOnlyWhileSalesforceIsBlank() {
        Contact c = contact(ContactField.FIRST_NAME, "Ann", ContactField.TITLE, "CTO");
        Map<String, Object> send = decide(c, record(T1, "FirstName", "", "Title", "VP"), SyncMode.PREFER_SALESFORCE_UNLESS_EMPTY,
                "firstName", "title");
        assertEquals(Map.of("FirstName", "Ann"), send);
        assertEquals("prefer Salesforce unless empty: Salesforce has a value", skipped().get("title"));
        assertEquals(Map.of("firstName", "Ann"), plan.detail.get("sent"));
        assertEquals(Map.of("firstName", "Ann"), plan.exchanged, "what is sent becomes the base");
    }

    @Test
    void theNamesSentAreSalesforcesOnTheObjectRead() {
        Contact c = contact(ContactField.CITY, "Lyon");
        assertEquals(Map.of("MailingCity", "Lyon"), decide(c, record(T1), SyncMode.ALWAYS_TANDEM, "city"));
    }

    @Test
    void alwaysTandemOverwritesAndAlwaysSalesforceOrDoNotSyncNeverSends() {
        Contact c = contact(ContactField.TITLE, "CTO");
        assertEquals(Map.of("Title", "CTO"), decide(c, record(T3, "Title", "VP"), SyncMode.ALWAYS_TANDEM, "title"));
        assertEquals(Map.of(), decide(c, record(T3, "Title", "VP"), SyncMode.ALWAYS_SALESFORCE, "title"));
        assertEquals("always prefer Salesforce: never sent", skipped().get("title"));
        assertEquals(Map.of(), decide(c, record(T3, "Title", ""), SyncMode.DO_NOT_SYNC, "title"));
        assertEquals("do not sync", skipped().get("title"));
    }

    @Test
    void aValueSalesforceAlreadyHoldsIsNotSentButBecomesTheBase() {
        Contact c = contact(ContactField.TITLE, "CTO");
        assertEquals(Map.of(), decide(c, record(T1, "Title", "CTO"), SyncMode.ALWAYS_TANDEM, "title"));
        assertEquals("Salesforce already has this value", skipped().get("title"));
        assertEquals(Map.of("title", "CTO"), plan.exchanged);
        assertFalse(plan.detail.containsKey("sent"));
    }

    @Test
    void emptyAndNullAreTheSameEmptiness() {
        Contact c = contact(ContactField.TITLE, " ");
        assertEquals(Map.of(), decide(c, record(T1, "Title", null), SyncMode.ALWAYS_TANDEM, "title"));
        assertEquals("Salesforce already has this value", skipped().get("title"));
    }

    @Test
    void numbersCompareByValueNotBySpelling() {
        Contact c = contact(ContactField.LEAD_SCORE, new java.math.BigDecimal("42"));
        assertEquals(Map.of(), decide(c, record(T1, "Score__c", 42.0), SyncMode.ALWAYS_TANDEM, "leadScore"));
    }

    @Test
    void twoWaySendsWhatOnlyTandemChanged() {
        Contact c = contact(ContactField.TITLE, "CTO");
        c.exchanged(Map.of("title", "VP"), T1);
        assertEquals(Map.of("Title", "CTO"), decide(c, record(T1, "Title", "VP"), SyncMode.TWO_WAY, "title"));
        assertFalse(plan.detail.containsKey("conflicts"));
    }

    @Test
    void twoWayKeepsWhatOnlySalesforceChanged() {
        Contact c = contact(ContactField.TITLE, "CTO");
        c.exchanged(Map.of("title", "CTO"), T2);
        assertEquals(Map.of(), decide(c, record(T3, "Title", "CEO"), SyncMode.TWO_WAY, "title"));
        assertEquals("only Salesforce changed since the last exchange", skipped().get("title"));
    }

    @Test
    void twoWayConflictsGoToTheLaterChangeAndAreRecorded() {
        Contact localLater = contact(ContactField.TITLE, "CTO");
        localLater.exchanged(Map.of("title", "VP"), T1);
        assertEquals(Map.of("Title", "CTO"), decide(localLater, record(T1.plusSeconds(60), "Title", "CEO"), SyncMode.TWO_WAY, "title"));
        assertEquals(Map.of("title", "both changed; Tandem's change is later"), plan.detail.get("conflicts"));

        ContactPlan other = new ContactPlan(8);
        Contact sfLater = contact(ContactField.TITLE, "CTO");
        sfLater.exchanged(Map.of("title", "VP"), T1);
        assertEquals(Map.of(), ContactWrites.decide(sfLater, record(T3, "Title", "CEO"), Set.of("title"), ON_CONTACT,
                all(SyncMode.TWO_WAY), other));
        assertEquals(Map.of("title", "both changed; Salesforce's change is later"), other.detail.get("conflicts"));
    }

    @Test
    void fieldsWithoutASalesforceFieldAreSkippedWithWhy() {
        Contact c = contact(ContactField.FIRST_NAME, "Ann");
        Map<String, Object> send = decide(c, record(T1), SyncMode.ALWAYS_TANDEM, "email", "companyId", "custom.région", "utmSource",
                "firstName");
        assertEquals(Map.of("FirstName", "Ann"), send);
        Map<String, String> why = skipped();
        assertEquals("the email is the match key: changed only in Salesforce", why.get("email"));
        assertEquals("company changes follow Accounts from Salesforce", why.get("companyId"));
        assertEquals("not mapped to a Salesforce field", why.get("custom.région"));
        assertEquals("not mapped to a Salesforce field", why.get("utmSource"));
        assertEquals(List.of("email", "companyId", "custom.région", "utmSource"), List.copyOf(why.keySet()), "in the order changed");
    }

    @Test
    void aClearedValueGoesOutAsEmptyWhenTandemWins() {
        Contact c = contact(ContactField.TITLE, "CTO");
        c.apply(new ContactChanges().set(ContactField.TITLE, null), false, SystemSource.API, T3);
        Map<String, Object> send = decide(c, record(T1, "Title", "CTO"), SyncMode.ALWAYS_TANDEM, "title");
        assertTrue(send.containsKey("Title"));
        assertEquals(null, send.get("Title"));
    }

    @Test
    void unicodeAndQuotesTravelUnchanged() {
        String name = "Zoë \"Z\" O'Brien 🚀";
        Contact c = contact(ContactField.FIRST_NAME, name);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("FirstName", name);
        assertEquals(expected, decide(c, record(T1), SyncMode.PREFER_SALESFORCE_UNLESS_EMPTY, "firstName"));
    }
}
