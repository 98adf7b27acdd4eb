package io.tandem.sync.inbound;

import io.tandem.domain.model.contact.SalesforceLink;
import io.tandem.domain.model.field.CustomFieldDefinition;
import io.tandem.domain.model.field.CustomFieldType;
import io.tandem.domain.model.field.FieldMapping;
import io.tandem.domain.model.field.SyncMode;
import io.tandem.domain.service.MappedFields;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.domain.shared.SalesforceId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inbound rules of §4 that decide from the record and the link its email's contact has. */
class InboundRulesTest {

    private static final Instant EARLY = Instant.parse("2026-04-01T08:00:00Z");
    private static final Instant LATE = Instant.parse("2026-04-01T09:00:00Z");
    private static final String LEAD_ID = "00Q000000000001";
    private static final String CONTACT_ID = "003000000000001";

    private static SalesforceRecord record(String object, String id, Instant modified, Object... nameValuePairs) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            fields.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return new SalesforceRecord(object, id, modified, modified, false, null, fields);
    }

    @Test
    void aPersonWithoutAnEmailIsSkipped() {
        assertEquals("no email", InboundRules.email(record("Lead", LEAD_ID, LATE)).skipReason());
        assertEquals("no email", InboundRules.email(record("Lead", LEAD_ID, LATE, "Email", "   ")).skipReason(), "blank is none");
    }

    @Test
    void anEmailSalesforceAcceptsButTandemRefusesIsSkippedWithTheReason() {
        InboundRules.Email e = InboundRules.email(record("Contact", CONTACT_ID, LATE, "Email", "ann@@acme"));
        assertNull(e.address());
        assertTrue(e.skipReason().startsWith("invalid email \"ann@@acme\": "), e.skipReason());
    }

    @Test
    void aGoodEmailIsTrimmedAndKeyedCaseInsensitively() {
        InboundRules.Email e = InboundRules.email(record("Contact", CONTACT_ID, LATE, "Email", "  Ann.Lee@ACME.example "));
        assertNull(e.skipReason());
        assertEquals("ann.lee@acme.example", e.address().key());
        assertEquals("Ann.Lee@ACME.example", e.address().address());
    }

    @Test
    void aLeadNeverTakesAnEmailHeldByAContact() {
        SalesforceLink held = SalesforceLink.to(SalesforceId.of(CONTACT_ID), EARLY);
        InboundRules.Claim c = InboundRules.claim("Lead", record("Lead", LEAD_ID, LATE), held);
        assertFalse(c.takesOver(), "even when the Lead is newer");
        assertEquals("the email belongs to Salesforce Contact " + SalesforceId.of(CONTACT_ID).value() + ", whose data takes priority",
                c.reason());
    }

    @Test
    void aContactAlwaysTakesAnEmailHeldByALead() {
        SalesforceLink held = SalesforceLink.to(SalesforceId.of(LEAD_ID), LATE);
        InboundRules.Claim c = InboundRules.claim("Contact", record("Contact", CONTACT_ID, EARLY), held);
        assertTrue(c.takesOver(), "even when the Lead is newer");
        assertTrue(c.reason().startsWith("Contact takes priority over Lead "));
    }

    @Test
    void betweenTwinsOfOneObjectTheMostRecentlyModifiedWins() {
        SalesforceLink held = SalesforceLink.to(SalesforceId.of("003000000000002"), EARLY);
        assertTrue(InboundRules.claim("Contact", record("Contact", CONTACT_ID, LATE), held).takesOver());
        SalesforceLink newer = SalesforceLink.to(SalesforceId.of("003000000000002"), LATE);
        InboundRules.Claim older = InboundRules.claim("Contact", record("Contact", CONTACT_ID, EARLY), newer);
        assertFalse(older.takesOver());
        assertTrue(older.reason().endsWith("which was modified more recently"), older.reason());
    }

    @Test
    void aTieBetweenTwinsKeepsTheRecordAlreadyLinked() {
        SalesforceLink held = SalesforceLink.to(SalesforceId.of("00Q000000000002"), LATE);
        assertFalse(InboundRules.claim("Lead", record("Lead", LEAD_ID, LATE), held).takesOver());
    }

    @Test
    void withoutStampsTheRecordReadTakesOver() {
        SalesforceLink held = SalesforceLink.to(SalesforceId.of("00Q000000000002"));
        assertTrue(InboundRules.claim("Lead", record("Lead", LEAD_ID, null), held).takesOver());
    }

    @Test
    void valuesTandemCannotHoldAreLeftOutAndTheRestApply() {
        MappedFields mapped = onContact(List.of(), "firstName", "FirstName", "title", "Title", "city", "MailingCity");
        Map<String, Object> notes = new LinkedHashMap<>();
        Map<String, Object> values = InboundRules.values(record("Contact", CONTACT_ID, LATE, "FirstName", "Zoë 🚀",
                "Title", "x".repeat(500), "MailingCity", null), "Contact", mapped, notes);
        assertEquals("Zoë 🚀", values.get("firstName"));
        assertFalse(values.containsKey("title"));
        assertTrue(values.containsKey("city"), "a null received is a value: the field was emptied there");
        assertTrue(notes.get("title").toString().startsWith("not applied: "), String.valueOf(notes));
        assertEquals(1, notes.size());
    }

    @Test
    void fieldsNotReturnedCountAsEmpty() {
        MappedFields mapped = MappedFields.of(List.of(new FieldMapping("phone", "Phone", null, null, SyncMode.TWO_WAY, LATE)), List.of());
        Map<String, Object> values = InboundRules.values(record("Lead", LEAD_ID, LATE), "Lead", mapped, new LinkedHashMap<>());
        assertTrue(values.containsKey("phone"));
        assertNull(values.get("phone"));
    }

    @Test
    void customValuesBecomeTheirTandemTypeOrAreLeftOutWithWhy() {
        List<CustomFieldDefinition> custom = List.of(
                new CustomFieldDefinition("seats", "Seats", CustomFieldType.NUMBER, List.of(), LATE),
                new CustomFieldDefinition("renewal", "Renewal", CustomFieldType.DATE, List.of(), LATE),
                new CustomFieldDefinition("vip", "VIP", CustomFieldType.BOOLEAN, List.of(), LATE),
                new CustomFieldDefinition("tier", "Tier", CustomFieldType.PICKLIST, List.of("Gold", "Silver"), LATE));
        MappedFields mapped = onContact(custom, "custom.seats", "Seats__c", "custom.renewal", "Renewal__c", "custom.vip", "Vip__c",
                "custom.tier", "Tier__c");
        Map<String, Object> notes = new LinkedHashMap<>();
        Map<String, Object> values = InboundRules.values(record("Contact", CONTACT_ID, LATE, "Seats__c", 12.5, "Renewal__c", "2027-01-31",
                "Vip__c", true, "Tier__c", "Platinum"), "Contact", mapped, notes);
        assertEquals(0, new BigDecimal("12.5").compareTo((BigDecimal) values.get("custom.seats")));
        assertEquals("2027-01-31", values.get("custom.renewal"));
        assertEquals(Boolean.TRUE, values.get("custom.vip"));
        assertFalse(values.containsKey("custom.tier"), "a picklist value not defined here");
        assertTrue(notes.get("custom.tier").toString().contains("Platinum"), String.valueOf(notes));
    }

    private static MappedFields onContact(List<CustomFieldDefinition> custom, String... fieldNamePairs) {
        List<FieldMapping> mappings = new ArrayList<>();
        for (int i = 0; i < fieldNamePairs.length; i += 2) {
            mappings.add(new FieldMapping(fieldNamePairs[i], null, fieldNamePairs[i + 1], null, SyncMode.TWO_WAY, LATE));
        }
        return MappedFields.of(mappings, custom);
    }
}
