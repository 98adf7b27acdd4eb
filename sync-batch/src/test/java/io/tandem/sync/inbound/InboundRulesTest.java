package io.tandem.sync.inbound;

import io.tandem.domain.model.contact.ContactField;
import io.tandem.domain.model.contact.SalesforceLink;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.domain.shared.SalesforceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        Map<ContactField, String> mapped = new LinkedHashMap<>();
        mapped.put(ContactField.FIRST_NAME, "FirstName");
        mapped.put(ContactField.TITLE, "Title");
        mapped.put(ContactField.CITY, "MailingCity");
        Map<String, Object> notes = new LinkedHashMap<>();
        Map<ContactField, Object> values = InboundRules.values(record("Contact", CONTACT_ID, LATE, "FirstName", "Zoë 🚀",
                "Title", "x".repeat(500), "MailingCity", null), mapped, notes);
        assertEquals("Zoë 🚀", values.get(ContactField.FIRST_NAME));
        assertFalse(values.containsKey(ContactField.TITLE));
        assertTrue(values.containsKey(ContactField.CITY), "a null received is a value: the field was emptied there");
        assertTrue(notes.get("title").toString().startsWith("not applied: "), String.valueOf(notes));
        assertEquals(1, notes.size());
    }

    @Test
    void fieldsNotReturnedCountAsEmpty() {
        Map<ContactField, Object> values = InboundRules.values(record("Lead", LEAD_ID, LATE), Map.of(ContactField.PHONE, "Phone"),
                new LinkedHashMap<>());
        assertTrue(values.containsKey(ContactField.PHONE));
        assertNull(values.get(ContactField.PHONE));
    }
}
