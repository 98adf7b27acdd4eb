package io.tandem.domain.model.contact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validated new values for a contact: standard fields and custom fields by name. A null value
 * clears the field. Built by whoever parsed the input; applied by {@link Contact#apply}.
 */
public final class ContactChanges {

    private final Map<ContactField, Object> standard = new LinkedHashMap<>();
    private final Map<String, Object> custom = new LinkedHashMap<>();

    public ContactChanges set(ContactField field, Object value) {
        standard.put(field, field.normalize(value));
        return this;
    }

    /** A custom field's value, already checked against its definition. */
    public ContactChanges setCustom(String name, Object value) {
        custom.put(name, value);
        return this;
    }

    public Map<ContactField, Object> standard() {
        return Collections.unmodifiableMap(standard);
    }

    public Map<String, Object> custom() {
        return Collections.unmodifiableMap(custom);
    }

    public boolean isEmpty() {
        return standard.isEmpty() && custom.isEmpty();
    }
}
