package io.tandem.application.internal;

import io.tandem.application.ContactInput;
import io.tandem.application.FieldError;
import io.tandem.domain.model.contact.ContactField;
import io.tandem.domain.model.field.CustomFieldDefinition;
import io.tandem.domain.model.field.CustomFieldType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A contact input checked against the standard and custom fields: every error at once, named by field. */
class ContactInputParserTest {

    private static final ContactInputParser PARSER = new ContactInputParser(Map.of(
            "region", new CustomFieldDefinition("region", "Region", CustomFieldType.PICKLIST, List.of("EMEA", "APAC"), Instant.EPOCH),
            "seats", new CustomFieldDefinition("seats", "Seats", CustomFieldType.NUMBER, List.of(), Instant.EPOCH),
            "trial", new CustomFieldDefinition("trial", "Trial", CustomFieldType.BOOLEAN, List.of(), Instant.EPOCH),
            "renewal", new CustomFieldDefinition("renewal", "Renewal", CustomFieldType.DATE, List.of(), Instant.EPOCH)));

    private static ContactInputParser.Parsed parse(boolean emailRequired, Object... keyValuePairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValuePairs.length; i += 2) {
            values.put((String) keyValuePairs[i], keyValuePairs[i + 1]);
        }
        return PARSER.parse(new ContactInput(values), emailRequired);
    }

    private static Map<String, String> errors(ContactInputParser.Parsed p) {
        Map<String, String> byField = new HashMap<>();
        for (FieldError e : p.errors()) {
            byField.put(e.field(), e.message());
        }
        return byField;
    }

    @Test
    void aFullInputBecomesChanges() {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("region", "emea");
        custom.put("seats", "12.5");
        custom.put("trial", "yes");
        custom.put("renewal", "2027-01-31");
        ContactInputParser.Parsed p = parse(true, "email", " Ann@Acme.example ", "firstName", " Ann ", "leadScore",
                new BigDecimal("42"), "companyId", new BigDecimal("7"), "customFields", custom);
        assertTrue(p.isValid(), String.valueOf(p.errors()));
        assertEquals("ann@acme.example", p.email().key());
        assertEquals("Ann", p.changes().standard().get(ContactField.FIRST_NAME));
        assertEquals(42, p.changes().standard().get(ContactField.LEAD_SCORE));
        assertEquals(7L, p.companyId());
        assertEquals(Map.of("region", "EMEA", "seats", new BigDecimal("12.5"), "trial", true, "renewal", "2027-01-31"),
                p.changes().custom());
    }

    @Test
    void everyErrorIsReportedAtOnceNotJustTheFirst() {
        ContactInputParser.Parsed p = parse(true, "email", "not-an-email", "shoeSize", "44", "title", "x".repeat(129),
                "customFields", Map.of("region", "Mars", "nope", "1"));
        Map<String, String> e = errors(p);
        assertFalse(p.isValid());
        assertEquals(List.of("customFields.nope", "customFields.region", "email", "shoeSize", "title"),
                e.keySet().stream().sorted().toList());
        assertEquals("is not a contact field", e.get("shoeSize"));
        assertEquals("is longer than 128 characters", e.get("title"));
        assertEquals("is not a custom field (see /api/fields)", e.get("customFields.nope"));
    }

    @Test
    void anUpsertNeedsAnEmailAndAPatchDoesNot() {
        assertEquals("is required", errors(parse(true, "firstName", "Ann")).get("email"));
        ContactInputParser.Parsed patch = parse(false, "firstName", "Ann");
        assertTrue(patch.isValid());
        assertNull(patch.email());
    }

    @Test
    void nullClearsAFieldAndAnAbsentFieldIsLeftAlone() {
        ContactInputParser.Parsed p = parse(false, "title", null);
        assertTrue(p.changes().standard().containsKey(ContactField.TITLE));
        assertNull(p.changes().standard().get(ContactField.TITLE));
        assertFalse(p.changes().standard().containsKey(ContactField.CITY));
    }

    @Test
    void emptyTextIsTheSameAsNull() {
        ContactInputParser.Parsed p = parse(false, "city", "   ");
        assertTrue(p.isValid());
        assertNull(p.changes().standard().get(ContactField.CITY));
    }

    @Test
    void wrongJsonTypesAreNamed() {
        Map<String, String> e = errors(parse(true, "email", 12, "firstName", true, "leadScore", "high", "customFields", "x"));
        assertEquals("must be a string", e.get("email"));
        assertEquals("must be a string", e.get("firstName"));
        assertEquals("must be a whole number", e.get("leadScore"));
        assertEquals("must be an object of field name to value", e.get("customFields"));
    }

    @Test
    void aCompanyCannotBeRemovedOnlyChanged() {
        assertEquals("cannot be empty: every contact belongs to a company", errors(parse(false, "companyId", null)).get("companyId"));
        assertEquals("must be a company id", errors(parse(false, "companyId", "acme")).get("companyId"));
        assertEquals("must be a company id", errors(parse(false, "companyId", new BigDecimal("1.5"))).get("companyId"));
        assertEquals(12L, parse(false, "companyId", " 12 ").companyId());
    }

    @Test
    void readOnlyKeysAreIgnored() {
        assertTrue(parse(true, "email", "a@b.example", "id", 5, "salesforce", Map.of("id", "x")).isValid());
    }

    @Test
    void unicodeBeyondTheBmpIsKept() {
        ContactInputParser.Parsed p = parse(true, "email", "zoë@exämple.com", "lastName", "O'Brien \"🚀\"");
        assertEquals("O'Brien \"🚀\"", p.changes().standard().get(ContactField.LAST_NAME));
    }
}
