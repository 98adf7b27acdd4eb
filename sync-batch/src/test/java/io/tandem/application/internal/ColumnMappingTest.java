package io.tandem.application.internal;

import io.tandem.application.FieldError;
import io.tandem.application.InvalidInputException;
import io.tandem.domain.model.field.CustomFieldDefinition;
import io.tandem.domain.model.field.CustomFieldType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which CSV column feeds which contact field: found by name, or given, with every error named. */
class ColumnMappingTest {

    private static final Map<String, CustomFieldDefinition> CUSTOM = Map.of("region",
            new CustomFieldDefinition("region", "Sales Region", CustomFieldType.TEXT, List.of(), Instant.EPOCH));

    @Test
    void columnsAreFoundByNameWhateverTheirSpelling() {
        Map<String, String> m = ColumnMapping.resolve(List.of("E-mail Address", "First Name", "last_name", "jobTitle", "Score",
                "Sales Region", "companyId"), null, CUSTOM);
        assertEquals(Map.of("E-mail Address", "email", "First Name", "firstName", "last_name", "lastName", "jobTitle", "title",
                "Score", "leadScore", "Sales Region", "customFields.region", "companyId", "companyId"), m);
    }

    @Test
    void aSuggestionKeepsEveryColumnInOrderWithNullWhereNoFieldMatches() {
        Map<String, String> suggested = ColumnMapping.suggest(List.of("Shoe size", "E-mail Address", "Sales Region"), CUSTOM);
        assertEquals(List.of("Shoe size", "E-mail Address", "Sales Region"), List.copyOf(suggested.keySet()));
        assertEquals(null, suggested.get("Shoe size"));
        assertEquals("email", suggested.get("E-mail Address"));
        assertEquals("customFields.region", suggested.get("Sales Region"));
        List<String> fields = ColumnMapping.fields(CUSTOM);
        assertTrue(fields.containsAll(List.of("email", "firstName", "companyId", "customFields.region")), fields.toString());
        assertEquals(fields.size(), Set.copyOf(fields).size(), "each field offered once");
    }

    @Test
    void anUnknownColumnIsNamedWithAHint() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ColumnMapping.resolve(List.of("email", "Shoe size"), null, CUSTOM));
        FieldError only = e.errors().get(0);
        assertEquals("file", only.field());
        assertTrue(only.message().contains("[Shoe size]"), only.message());
    }

    @Test
    void aGivenMappingMayLeaveColumnsOut() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("Mail", "email");
        given.put("Shoe size", null);
        given.put("Notes", " ");
        assertEquals(Map.of("Mail", "email"), ColumnMapping.resolve(List.of("Mail", "Shoe size", "Notes"), given, CUSTOM));
    }

    @Test
    void everyErrorOfAGivenMappingIsReportedAtOnce() {
        Map<String, String> given = new HashMap<>();
        given.put("Missing", "email");
        given.put("Mail", "shoeSize");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ColumnMapping.resolve(List.of("Mail"), given, CUSTOM));
        assertEquals(2, e.errors().size());
        assertTrue(e.errors().stream().anyMatch(f -> f.field().equals("mapping.Missing") && f.message().contains("not a column")));
        assertTrue(e.errors().stream().anyMatch(f -> f.field().equals("mapping.Mail") && f.message().contains("'shoeSize'")));
    }

    @Test
    void aMappingWithoutEmailIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ColumnMapping.resolve(List.of("First Name"), null, CUSTOM));
        assertEquals("mapping", e.errors().get(0).field());
    }

    @Test
    void customFieldsAnswerToTheirNameTheirLabelAndTheirFullPath() {
        assertEquals("customFields.region", ColumnMapping.resolve(List.of("email", "region"), null, CUSTOM).get("region"));
        assertEquals("customFields.region", ColumnMapping.resolve(List.of("email", "customFields.region"), null, CUSTOM)
                .get("customFields.region"));
    }
}
