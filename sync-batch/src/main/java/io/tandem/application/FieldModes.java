package io.tandem.application;

import io.tandem.domain.service.SalesforceFieldNames;
import io.tandem.domain.model.contact.ContactField;
import io.tandem.domain.model.field.FieldMapping;
import io.tandem.domain.model.field.FieldMappingRepository;
import io.tandem.domain.model.field.SyncMode;
import io.tandem.domain.service.SalesforceObjects;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The sync mode of each mapped field (§3): everyone reads them, admins change them. */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class FieldModes {

    /** A mapped field: its Tandem name, its Salesforce names on Lead and Contact, and its mode. */
    public record Mapping(String field, String leadField, String contactField, String mode) {
    }

    @Inject
    SalesforceFieldNames fieldNames;
    @Inject
    FieldMappingRepository mappings;

    public List<Mapping> all() {
        Map<String, SyncMode> chosen = new HashMap<>();
        mappings.all().forEach(m -> chosen.put(m.field(), m.mode()));
        List<Mapping> all = new ArrayList<>();
        for (ContactField f : fieldNames.mapped(SalesforceObjects.LEAD).keySet()) {
            all.add(new Mapping(f.apiName(), fieldNames.mapped(SalesforceObjects.LEAD).get(f),
                    fieldNames.mapped(SalesforceObjects.CONTACT).get(f),
                    name(chosen.getOrDefault(f.apiName(), FieldMapping.DEFAULT_MODE))));
        }
        return all;
    }

    @RolesAllowed(Roles.ADMIN)
    public Mapping change(String field, String mode) {
        ContactField f = ContactField.byName(field);
        if (f == null || !fieldNames.mapped(SalesforceObjects.LEAD).containsKey(f)) {
            throw new UnknownRecordException("mapped field", field);
        }
        SyncMode m;
        try {
            m = SyncMode.valueOf(String.valueOf(mode).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("mode", "must be one of " + Arrays.stream(SyncMode.values()).map(FieldModes::name).toList());
        }
        Instant now = Instant.now();
        mappings.find(field).ifPresentOrElse(existing -> existing.change(m, now), () -> mappings.add(new FieldMapping(field, m, now)));
        return all().stream().filter(x -> x.field().equals(field)).findFirst().orElseThrow();
    }

    /** The names of every mode, in the order of §3. */
    public List<String> modes() {
        return Arrays.stream(SyncMode.values()).map(FieldModes::name).toList();
    }

    private static String name(SyncMode m) {
        return m.name().toLowerCase(Locale.ROOT);
    }
}
