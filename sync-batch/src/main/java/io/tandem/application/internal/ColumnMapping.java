package io.tandem.application.internal;

import io.tandem.application.FieldError;
import io.tandem.application.InvalidInputException;
import io.tandem.domain.model.contact.ContactField;
import io.tandem.domain.model.field.CustomFieldDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which CSV column feeds which contact field. Given explicitly (column → field, null to ignore a
 * column) or, when absent, found by name: "First Name", "first_name" and "firstName" all mean firstName.
 * A column that matches nothing, or a field that does not exist, is an error naming it.
 */
public final class ColumnMapping {

    private ColumnMapping() {
    }

    public static Map<String, String> resolve(List<String> header, Map<String, String> requested,
                                              Map<String, CustomFieldDefinition> custom) {
        Map<String, String> known = knownFields(custom);
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> mapping = new LinkedHashMap<>();
        if (requested != null) {
            for (Map.Entry<String, String> e : requested.entrySet()) {
                if (!header.contains(e.getKey())) {
                    errors.add(new FieldError("mapping." + e.getKey(), "is not a column of the file; its columns are " + header));
                } else if (e.getValue() != null && !e.getValue().isBlank()) {
                    String field = known.get(normalize(e.getValue()));
                    if (field == null) {
                        errors.add(new FieldError("mapping." + e.getKey(), "'" + e.getValue() + "' is not a contact field"));
                    } else {
                        mapping.put(e.getKey(), field);
                    }
                }
            }
        } else {
            List<String> unknown = new ArrayList<>();
            for (String column : header) {
                String field = known.get(normalize(column));
                if (field == null) {
                    unknown.add(column);
                } else {
                    mapping.put(column, field);
                }
            }
            if (!unknown.isEmpty()) {
                errors.add(new FieldError("file", "has columns that match no contact field: " + unknown
                        + "; send a mapping that names their fields, or maps them to null to leave them out"));
            }
        }
        if (errors.isEmpty() && !mapping.containsValue("email")) {
            errors.add(new FieldError("mapping", "no column is mapped to email; every contact needs one"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return mapping;
    }

    /**
     * The mapping found by name, as a starting point to change: every column, with its field or null
     * where none matches.
     */
    public static Map<String, String> suggest(List<String> header, Map<String, CustomFieldDefinition> custom) {
        Map<String, String> known = knownFields(custom);
        Map<String, String> suggested = new LinkedHashMap<>();
        header.forEach(column -> suggested.put(column, known.get(normalize(column))));
        return suggested;
    }

    /** Every field a column can feed, by the name a mapping gives it. */
    public static List<String> fields(Map<String, CustomFieldDefinition> custom) {
        return knownFields(custom).values().stream().distinct().toList();
    }

    private static Map<String, String> knownFields(Map<String, CustomFieldDefinition> custom) {
        Map<String, String> known = new LinkedHashMap<>();
        known.put("email", "email");
        known.put("emailaddress", "email");
        known.put("mail", "email");
        known.put("companyid", "companyId");
        for (ContactField f : ContactField.values()) {
            known.put(normalize(f.apiName()), f.apiName());
        }
        known.put("score", ContactField.LEAD_SCORE.apiName());
        known.put("jobtitle", ContactField.TITLE.apiName());
        for (CustomFieldDefinition d : custom.values()) {
            known.putIfAbsent(normalize(d.name()), "customFields." + d.name());
            known.putIfAbsent(normalize(d.label()), "customFields." + d.name());
            known.put(normalize("customFields." + d.name()), "customFields." + d.name());
        }
        return known;
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
    }
}
