package io.tandem.domain.service;

import io.tandem.domain.model.field.SyncMode;
import io.tandem.domain.model.field.TandemType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A mapping checked against the org's describe, and a record's values checked before they are sent. */
class MappingAndValueChecksTest {

    private static final Map<String, SalesforceField> LEAD = new LinkedHashMap<>();

    static {
        add(text("LastName", "string", 80, true));
        add(text("Company", "string", 255, true));
        add(text("Region__c", "string", 40, false));
        add(text("Email", "email", 80, false));
        add(new SalesforceField("Tier__c", "picklist", 255, 0, 0, true, true, true, false, true, List.of("Gold", "Silver")));
        add(new SalesforceField("Seats__c", "double", 0, 5, 2, true, true, true, false, false, List.of()));
        add(new SalesforceField("Score__c", "double", 0, 18, 0, false, false, true, false, false, List.of()));
        add(new SalesforceField("OwnerId", "reference", 18, 0, 0, true, true, false, true, false, List.of()));
    }

    private static SalesforceField text(String name, String type, int length, boolean required) {
        return new SalesforceField(name, type, length, 0, 0, true, true, !required, false, false, List.of());
    }

    private static void add(SalesforceField f) {
        LEAD.put(f.name(), f);
    }

    @Test
    void aMissingFieldIsRefusedWithTheClosestNames() {
        MappingCheck.Result r = MappingCheck.check("Lead", "Regoin__c", TandemType.TEXT, 255, SyncMode.TWO_WAY, LEAD);
        assertEquals("Lead has no field Regoin__c; the closest are Region__c", r.refusal());
    }

    @Test
    void theTypeMustHoldTandemsKindOfValue() {
        assertTrue(MappingCheck.check("Lead", "Seats__c", TandemType.NUMBER, 0, SyncMode.TWO_WAY, LEAD).passed());
        MappingCheck.Result r = MappingCheck.check("Lead", "Seats__c", TandemType.DATE, 0, SyncMode.TWO_WAY, LEAD);
        assertTrue(r.refusal().startsWith("Lead.Seats__c is a double field, which cannot hold a Tandem date"), r.refusal());
        assertTrue(MappingCheck.check("Lead", "Tier__c", TandemType.PICKLIST, 0, SyncMode.TWO_WAY, LEAD).passed());
        assertTrue(MappingCheck.check("Lead", "tier__C", TandemType.TEXT, 10, SyncMode.TWO_WAY, LEAD).passed(), "names are case-insensitive");
        assertEquals("Tier__c", MappingCheck.spelled("tier__C", LEAD));
    }

    @Test
    void aReadOnlyFieldTakesOnlyModesThatNeverSend() {
        assertTrue(MappingCheck.check("Lead", "Score__c", TandemType.NUMBER, 0, SyncMode.ALWAYS_SALESFORCE, LEAD).passed());
        MappingCheck.Result r = MappingCheck.check("Lead", "Score__c", TandemType.NUMBER, 0, SyncMode.ALWAYS_TANDEM, LEAD);
        assertTrue(r.refusal().contains("read-only"), r.refusal());
    }

    @Test
    void aShorterSalesforceFieldIsAWarningNotARefusal() {
        MappingCheck.Result r = MappingCheck.check("Lead", "Region__c", TandemType.TEXT, 255, SyncMode.TWO_WAY, LEAD);
        assertTrue(r.passed());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("Lead.Region__c holds 40 characters"), r.warnings().get(0));
    }

    @Test
    void valuesSalesforceWouldRefuseAreNamedBeforeSending() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Region__c", "x".repeat(41));
        values.put("Tier__c", "Platinum");
        values.put("Seats__c", new BigDecimal("1234.5"));
        values.put("Email", "not-an-address");
        List<String> problems = ValueCheck.problems("Lead", values, false, LEAD);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Lead.Region__c holds at most 40 characters; this value has 41"), problems.get(0));
        assertTrue(problems.get(1).startsWith("Lead.Tier__c is a restricted picklist without \"Platinum\""), problems.get(1));
        assertEquals("Lead.Seats__c keeps 3 digits before the point; 1234.5 has 4", problems.get(2));
        assertTrue(problems.get(3).startsWith("Lead.Email takes an email address"), problems.get(3));
    }

    @Test
    void aNewRecordNeedsItsRequiredFieldsButNotDefaultedOnes() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("LastName", "Lee");
        values.put("Seats__c", 12.5);
        assertEquals(List.of("Lead.Company is required when a Lead is created, and has no value here"),
                ValueCheck.problems("Lead", values, true, LEAD));
        assertEquals(List.of(), ValueCheck.problems("Lead", values, false, LEAD), "an update sends only what changed");
    }
}
