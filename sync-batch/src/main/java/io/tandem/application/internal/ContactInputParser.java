package io.tandem.application.internal;

import io.tandem.application.ContactInput;
import io.tandem.application.FieldError;
import io.tandem.domain.model.contact.ContactChanges;
import io.tandem.domain.model.contact.ContactField;
import io.tandem.domain.shared.EmailAddress;
import io.tandem.domain.model.field.CustomFieldDefinition;
import io.tandem.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a contact input against the standard fields and the custom field definitions, collecting
 * every error at once (never just the first), and turns it into domain changes.
 */
public final class ContactInputParser {

    /** What an input says: its email (null when absent or bad), the changes, a company, and its errors. */
    public record Parsed(String rawEmail, EmailAddress email, ContactChanges changes, Long companyId, boolean hasCompany,
                         List<FieldError> errors) {

        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    private final Map<String, CustomFieldDefinition> definitions;

    public ContactInputParser(Map<String, CustomFieldDefinition> definitions) {
        this.definitions = definitions;
    }

    /** {@code emailRequired}: an upsert needs one; a patch may leave it out. */
    public Parsed parse(ContactInput input, boolean emailRequired) {
        List<FieldError> errors = new ArrayList<>();
        ContactChanges changes = new ContactChanges();
        Map<String, Object> values = input.values();
        String rawEmail = values.get("email") == null ? null : values.get("email").toString();
        EmailAddress email = null;
        if (values.containsKey("email") || emailRequired) {
            try {
                if (values.containsKey("email") && !(values.get("email") instanceof String) && values.get("email") != null) {
                    throw new InvalidValueException("email", "must be a string");
                }
                email = EmailAddress.of(rawEmail);
            } catch (InvalidValueException e) {
                errors.add(new FieldError(e.field(), e.getMessage()));
            }
        }
        Long companyId = null;
        boolean hasCompany = values.containsKey("companyId");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            try {
                switch (key) {
                    case "email", "id", "salesforce" -> {
                        // email is read above; id and the Salesforce link are read-only here
                    }
                    case "companyId" -> companyId = companyId(value);
                    case "customFields" -> custom(value, changes, errors);
                    default -> {
                        ContactField field = ContactField.byName(key);
                        if (field == null) {
                            errors.add(new FieldError(key, "is not a contact field"));
                        } else {
                            if (value != null && !(value instanceof String) && !(field == ContactField.LEAD_SCORE && value instanceof BigDecimal)) {
                                throw new InvalidValueException(key, field == ContactField.LEAD_SCORE ? "must be a whole number" : "must be a string");
                            }
                            changes.set(field, value);
                        }
                    }
                }
            } catch (InvalidValueException ex) {
                errors.add(new FieldError(ex.field(), ex.getMessage()));
            }
        }
        return new Parsed(rawEmail, email, changes, companyId, hasCompany, errors);
    }

    private static Long companyId(Object value) {
        if (value == null) {
            throw new InvalidValueException("companyId", "cannot be empty: every contact belongs to a company");
        }
        try {
            return value instanceof BigDecimal d ? d.longValueExact() : Long.parseLong(value.toString().trim());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidValueException("companyId", "must be a company id");
        }
    }

    private void custom(Object value, ContactChanges changes, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidValueException("customFields", "must be an object of field name to value");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            CustomFieldDefinition def = definitions.get(name);
            if (def == null) {
                errors.add(new FieldError("customFields." + name, "is not a custom field (see /api/fields)"));
                continue;
            }
            try {
                changes.setCustom(name, def.normalize(e.getValue()));
            } catch (InvalidValueException ex) {
                errors.add(new FieldError(ex.field(), ex.getMessage()));
            }
        }
    }
}
