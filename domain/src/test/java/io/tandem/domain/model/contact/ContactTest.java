package io.tandem.domain.model.contact;

import io.tandem.domain.shared.EmailAddress;
import io.tandem.domain.model.field.SyncMode;
import io.tandem.domain.shared.InvalidValueException;
import io.tandem.domain.shared.SalesforceId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contact aggregate with plain objects: changes and clocks, inbound rules, links, emails. */
class ContactTest {

    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-01T11:00:00Z");
    private static final Instant T3 = Instant.parse("2026-03-01T12:00:00Z");

    private static Contact contact() {
        return new Contact(EmailAddress.of("ann@acme.example"), 1, SystemSource.API, SyncOnCreate.NOW, T1);
    }

    @Test
    void applyAnswersOnlyRealChangesAndMovesTheirClocks() {
        Contact c = contact();
        assertEquals(Set.of("firstName", "title"), c.apply(new ContactChanges().set(ContactField.FIRST_NAME, "Ann")
                .set(ContactField.TITLE, "CTO"), false, SystemSource.API, T1));
        assertEquals(Set.of(), c.apply(new ContactChanges().set(ContactField.FIRST_NAME, " Ann "), false, SystemSource.API, T2));
        assertEquals(Set.of(), c.apply(new ContactChanges().set(ContactField.TITLE, "CEO"), true, SystemSource.IMPORT, T2), "keep non-empty");
        @SuppressWarnings("unchecked")
        Map<String, Object> clock = (Map<String, Object>) c.fieldClocks().get("title");
        assertEquals(T1.toString(), clock.get("at"));
        assertEquals("api", clock.get("by"));
    }

    @Test
    void inboundFollowsEachFieldsModeAndRecordsTheBase() {
        Contact c = contact();
        c.apply(new ContactChanges().set(ContactField.TITLE, "CTO").set(ContactField.CITY, "Lyon"), false, SystemSource.API, T2);
        Contact.InboundResult r = c.applyInbound(Map.of("title", "CEO", "city", ""), T3,
                f -> SyncMode.PREFER_SALESFORCE_UNLESS_EMPTY);
        assertEquals(Set.of("title"), r.changed());
        assertEquals("CEO", c.get(ContactField.TITLE));
        assertEquals("Lyon", c.get(ContactField.CITY), "an empty Salesforce value changes nothing");
        assertEquals("CEO", c.base("title"));
        @SuppressWarnings("unchecked")
        Map<String, Object> clock = (Map<String, Object>) c.fieldClocks().get("title");
        assertEquals("salesforce", clock.get("by"), "so it is never echoed back out");
    }

    @Test
    void twoWayKeepsTheLaterSideAndReportsTheConflict() {
        Contact c = contact();
        c.applyInbound(Map.of("phone", "+1 555 0100"), T1, f -> SyncMode.TWO_WAY);
        c.apply(new ContactChanges().set(ContactField.PHONE, "+1 555 0199"), false, SystemSource.UI, T3);
        Contact.InboundResult stale = c.applyInbound(Map.of("phone", "+1 555 0222"), T2, f -> SyncMode.TWO_WAY);
        assertTrue(stale.changed().isEmpty());
        assertTrue(stale.conflicts().containsKey("phone"));
        assertEquals("+1 555 0199", c.get(ContactField.PHONE), "a stale Salesforce value never overwrites a fresher one");
        Contact.Conflict inbox = stale.conflictDetails().get(0);
        assertEquals("+1 555 0199", inbox.tandemValue());
        assertEquals(T3, inbox.tandemAt(), "when Tandem changed it, not when the conflict was met");
        assertEquals("+1 555 0222", inbox.salesforceValue());
        assertFalse(inbox.salesforceKept());
        FieldConflict kept = new FieldConflict(7, inbox, T3);
        assertEquals(FieldConflict.Side.TANDEM, kept.kept());
        assertEquals("+1 555 0222", kept.otherValue(), "the value sending the other one brings");
        kept.resolve(FieldConflict.Resolution.OTHER_SENT, "ops", T3);
        assertThrows(io.tandem.domain.shared.InvalidValueException.class, () -> kept.resolve(FieldConflict.Resolution.KEPT, "ops", T3),
                "a conflict ends once");
        Contact.InboundResult same = c.applyInbound(Map.of("phone", "+1 555 0222"), T2, f -> SyncMode.TWO_WAY);
        assertTrue(same.changed().isEmpty() && same.conflicts().isEmpty(), "Salesforce has not changed since that read");
    }

    @Test
    void aLocalChangeKeepsTheValueLastExchanged() {
        Contact c = contact();
        c.applyInbound(Map.of("title", "CTO"), T1, f -> SyncMode.TWO_WAY);
        c.apply(new ContactChanges().set(ContactField.TITLE, "CEO"), false, SystemSource.UI, T2);
        assertEquals("CTO", c.base("title"));
        assertTrue(c.applyInbound(Map.of("title", "CTO"), T3, f -> SyncMode.TWO_WAY).changed().isEmpty(),
                "Salesforce unchanged since the base: the local change stands, with no conflict");
    }

    @Test
    void leadScoreComesInAsANumber() {
        Contact c = contact();
        c.applyInbound(Map.of("leadScore", new BigDecimal("42")), T1, f -> SyncMode.ALWAYS_SALESFORCE);
        assertEquals(42, c.get(ContactField.LEAD_SCORE));
    }

    @Test
    void linksAndDeletion() {
        Contact c = contact();
        c.linkTo(SalesforceId.of("00QRO0000000001"));
        assertEquals(SalesforceLink.Type.LEAD, c.salesforce().type());
        assertEquals(18, c.salesforce().id().value().length());
        c.linkTo(SalesforceId.of("003RO0000035WQg"));
        assertEquals(SalesforceLink.Type.CONTACT, c.salesforce().type());
        c.deletedInSalesforce();
        assertFalse(c.salesforce().isLinked());
        assertTrue(c.salesforce().isDeleted());
        assertThrows(InvalidValueException.class, () -> c.linkTo(SalesforceId.of("001D000000IqhSL")), "an Account is no contact");
    }

    @Test
    void emailsAreCheckedAndKeyedWithoutCase() {
        assertEquals("ann@acme.example", EmailAddress.of("  Ann@ACME.example ").key());
        assertEquals(EmailAddress.of("ann@acme.example"), EmailAddress.of("ANN@acme.EXAMPLE"));
        assertTrue(EmailAddress.of("x@gmail.com").isFreeMail());
        for (String bad : new String[] {"", "ann", "ann@", "@acme.example", "ann@acme", "a..b@acme.example", "ann@-acme.example",
            "a".repeat(65) + "@acme.example", "ann@acme.example" + "x".repeat(250)}) {
            assertThrows(InvalidValueException.class, () -> EmailAddress.of(bad), bad);
        }
    }

    @Test
    void salesforceIdsKeepTheirEighteenCharacterFormAndRefuseBadChecksums() {
        assertEquals("001D000000IqhSLIAZ", SalesforceId.of("001D000000IqhSL").value());
        assertEquals("001D000000IqhSLIAZ", SalesforceId.of("001D000000IqhSLiaz").value());
        assertThrows(InvalidValueException.class, () -> SalesforceId.of("001D000000IqhSLXXX"));
        assertThrows(InvalidValueException.class, () -> SalesforceId.of("short"));
    }

    @Test
    void customFieldsComeInUnderTheirOwnModeAndClock() {
        Contact c = contact();
        c.apply(new ContactChanges().setCustom("region", "EMEA"), false, SystemSource.API, T2);
        Map<String, SyncMode> modes = Map.of("custom.region", SyncMode.PREFER_SALESFORCE_UNLESS_EMPTY, "custom.seats", SyncMode.TWO_WAY);
        Contact.InboundResult r = c.applyInbound(Map.of("custom.region", "APAC", "custom.seats", new BigDecimal("12")), T3, modes::get);
        assertEquals(Set.of("custom.region", "custom.seats"), r.changed());
        assertEquals("APAC", c.value("custom.region"));
        assertEquals(new BigDecimal("12"), c.customFields().get("seats"));
        assertEquals(T3, c.changedAt("custom.seats"));
        assertEquals("APAC", c.base("custom.region"));

        Contact.InboundResult none = c.applyInbound(Map.of("custom.region", ""), T3.plusSeconds(60), modes::get);
        assertTrue(none.changed().isEmpty(), "an empty Salesforce value changes nothing by default");
        assertEquals("APAC", c.value("custom.region"));
    }
}
