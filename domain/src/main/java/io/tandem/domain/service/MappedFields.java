package io.tandem.domain.service;

import io.tandem.domain.model.company.CompanyField;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactField;
import io.tandem.domain.model.field.CustomFieldDefinition;
import io.tandem.domain.model.field.CustomFieldType;
import io.tandem.domain.model.field.FieldMapping;
import io.tandem.domain.model.field.SyncMode;
import io.tandem.domain.model.field.TandemType;
import io.tandem.domain.shared.InvalidValueException;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The field mappings as one page or one drain round uses them: for each Salesforce object, which Tandem
 * field each Salesforce field is, each field's mode, and how a value read from Salesforce becomes the
 * Tandem field's value. A field in "do not sync" is left out: it is neither read nor written. Taken once
 * at the start, so a mapping changed meanwhile applies from the next page on, never half-way through one.
 */
public final class MappedFields {

    private final Map<String, Map<String, String>> byObject = new HashMap<>();
    private final Map<String, SyncMode> modes = new HashMap<>();
    private final Map<String, CustomFieldDefinition> custom = new HashMap<>();

    private MappedFields(Collection<FieldMapping> mappings, Collection<CustomFieldDefinition> customFields) {
        for (String object : SalesforceObjects.INBOUND_ORDER) {
            byObject.put(object, new LinkedHashMap<>());
        }
        customFields.forEach(d -> custom.put(Contact.CUSTOM_PREFIX + d.name(), d));
        for (FieldMapping m : mappings) {
            modes.put(m.field(), m.mode());
            if (!m.mode().readsValues()) {
                continue;
            }
            put(SalesforceObjects.LEAD, m.field(), m.leadField());
            put(SalesforceObjects.CONTACT, m.field(), m.contactField());
            put(SalesforceObjects.ACCOUNT, m.field(), m.accountField());
        }
    }

    public static MappedFields of(Collection<FieldMapping> mappings, Collection<CustomFieldDefinition> customFields) {
        return new MappedFields(mappings, customFields);
    }

    private void put(String object, String field, String salesforceName) {
        if (salesforceName != null) {
            byObject.get(object).put(field, salesforceName);
        }
    }

    /** Tandem field → Salesforce API name, for the fields mapped on the object (in the mappings' order). */
    public Map<String, String> on(String object) {
        Map<String, String> fields = byObject.get(object);
        return fields == null ? Map.of() : Collections.unmodifiableMap(fields);
    }

    /** The field's mode; a field without a mapping is not synced. */
    public SyncMode mode(String field) {
        return modes.getOrDefault(field, SyncMode.DO_NOT_SYNC);
    }

    /**
     * A value read from Salesforce as the Tandem field holds it (trimmed text, a number, an ISO date, a
     * boolean, one of a picklist's options), or an {@link InvalidValueException} saying why it cannot be.
     */
    public Object toTandem(String field, Object salesforceValue) {
        ContactField standard = ContactField.byName(field);
        if (standard != null) {
            return standard.normalize(salesforceValue);
        }
        CompanyField company = CompanyField.byName(field);
        if (company != null) {
            return company.normalize(salesforceValue);
        }
        CustomFieldDefinition definition = custom.get(field);
        if (definition == null) {
            throw new InvalidValueException(field, "no such custom field in Tandem");
        }
        return definition.normalize(salesforceValue);
    }

    /** The longest text the field holds (0 when it is not text, or unknown): what a Salesforce field's length is checked against. */
    public int maxLength(String field) {
        ContactField standard = ContactField.byName(field);
        if (standard != null) {
            return standard.maxLength();
        }
        CompanyField company = CompanyField.byName(field);
        if (company != null) {
            return company.maxLength();
        }
        CustomFieldDefinition definition = custom.get(field);
        if (definition == null) {
            return 0;
        }
        return switch (definition.type()) {
            case TEXT -> CustomFieldType.MAX_TEXT;
            case PICKLIST -> definition.options().stream().mapToInt(String::length).max().orElse(0);
            default -> 0;
        };
    }

    /** The kind of value a Tandem field holds, or null for a name Tandem does not know. */
    public TandemType type(String field) {
        ContactField standard = ContactField.byName(field);
        if (standard != null) {
            return standard == ContactField.LEAD_SCORE ? TandemType.NUMBER : TandemType.TEXT;
        }
        CompanyField company = CompanyField.byName(field);
        if (company != null) {
            return company.isNumber() ? TandemType.NUMBER : TandemType.TEXT;
        }
        CustomFieldDefinition definition = custom.get(field);
        return definition == null ? null : TandemType.of(definition.type());
    }
}
