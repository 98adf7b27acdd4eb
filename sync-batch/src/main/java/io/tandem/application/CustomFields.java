package io.tandem.application;

import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.field.CustomFieldDefinition;
import io.tandem.domain.model.field.CustomFieldRepository;
import io.tandem.domain.model.field.CustomFieldType;
import io.tandem.domain.model.field.FieldMappingRepository;
import io.tandem.domain.shared.InvalidValueException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/** Custom contact field definitions: everyone reads them, admins define them. */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class CustomFields {

    /** A definition as the API shows it. */
    public record FieldView(String name, String label, String type, List<String> options) {
    }

    @Inject
    CustomFieldRepository fields;
    @Inject
    FieldMappingRepository mappings;

    public List<FieldView> list() {
        return fields.all().stream().map(CustomFields::view).toList();
    }

    public FieldView get(String name) {
        return view(require(name));
    }

    @RolesAllowed(Roles.ADMIN)
    public FieldView define(String name, String label, String type, List<String> options) {
        if (name != null && fields.byName(name).isPresent()) {
            throw new ConflictException("name", "a field named " + name + " exists");
        }
        try {
            CustomFieldDefinition f = new CustomFieldDefinition(name, label, CustomFieldType.parse(type), options, Instant.now());
            fields.add(f);
            return view(f);
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
    }

    /** Relabels, or changes a picklist's values; the type never changes (stored values would not fit). */
    @RolesAllowed(Roles.ADMIN)
    public FieldView change(String name, String label, List<String> options) {
        CustomFieldDefinition f = require(name);
        try {
            if (label != null) {
                f.relabel(label);
            }
            if (options != null) {
                f.changeOptions(options);
            }
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
        return view(f);
    }

    /** Removes the definition; values stored on contacts stay but are no longer shown or synced. */
    @RolesAllowed(Roles.ADMIN)
    public void remove(String name) {
        CustomFieldDefinition f = require(name);
        if (mappings.find(Contact.CUSTOM_PREFIX + name).isPresent()) {
            throw new ConflictException("name", name + " is mapped to Salesforce: remove its field mapping first");
        }
        fields.remove(f);
    }

    private CustomFieldDefinition require(String name) {
        return fields.byName(name).orElseThrow(() -> new UnknownRecordException("custom field", name));
    }

    private static FieldView view(CustomFieldDefinition f) {
        return new FieldView(f.name(), f.label(), f.type().code(), f.options());
    }
}
