package io.tandem.application;

import io.tandem.domain.model.company.CompanyField;
import io.tandem.domain.model.contact.ContactField;
import io.tandem.domain.model.field.CustomFieldRepository;
import io.tandem.domain.model.field.FieldMapping;
import io.tandem.domain.model.field.FieldMappingChange;
import io.tandem.domain.model.field.FieldMappingRepository;
import io.tandem.domain.model.field.SyncMode;
import io.tandem.domain.model.field.TandemType;
import io.tandem.domain.service.MappedFields;
import io.tandem.domain.service.MappingCheck;
import io.tandem.domain.service.SalesforceField;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceObjects;
import io.tandem.domain.service.SalesforceOrg;
import io.tandem.sync.SalesforceDescribes;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The field mappings (§3): which Salesforce field each Tandem field is on Lead, Contact and Account, and
 * its mode. Everyone reads them; admins add, change and remove them, each change checked against the org's
 * describe first (read fresh for it) and kept in the mapping's history.
 */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class FieldMappings {

    /** A mapping as the API shows it. */
    public record Mapping(String field, String lead, String contact, String account, String mode, String type) {
    }

    /** The answer to a change: the mapping as saved, and what to look out for (a Salesforce field shorter than Tandem's values). */
    public record Saved(String field, String lead, String contact, String account, String mode, String type, List<String> warnings) {

        Saved(Mapping m, List<String> warnings) {
            this(m.field(), m.lead(), m.contact(), m.account(), m.mode(), m.type(), warnings);
        }
    }

    /** What a change asks for: a null name or mode leaves it as it is, an empty name unmaps that object. */
    public record Change(String lead, String contact, String account, String mode) {
    }

    private static final int MAX_NAME = 80;

    @Inject
    FieldMappingRepository mappings;
    @Inject
    CustomFieldRepository customFields;
    @Inject
    SalesforceOrg org;
    @Inject
    SalesforceDescribes describes;
    @Resource
    SessionContext session;

    public List<Mapping> all() {
        MappedFields types = types();
        return mappings.all().stream().map(m -> view(m, types)).toList();
    }

    public Mapping get(String field) {
        return view(require(field), types());
    }

    @RolesAllowed(Roles.ADMIN)
    public Saved add(String field, Change change) {
        if (field == null || field.isBlank()) {
            throw new InvalidRequestException("field", "is required: a standard field (firstName, leadScore, utmSource, …) or custom.<name>");
        }
        if (mappings.find(field).isPresent()) {
            throw new ConflictException("field", field + " is mapped already: change it with PUT");
        }
        SyncMode mode = change.mode() == null ? defaultMode(field) : mode(change.mode());
        FieldMapping draft = new FieldMapping(field, blankToNull(change.lead()), blankToNull(change.contact()),
                blankToNull(change.account()), mode, Instant.now());
        List<String> warnings = check(draft);
        mappings.add(draft);
        mappings.record(new FieldMappingChange(draft, FieldMappingChange.Action.ADDED, caller(), draft.updatedAt()));
        return new Saved(view(draft, types()), warnings);
    }

    @RolesAllowed(Roles.ADMIN)
    public Saved change(String field, Change change) {
        FieldMapping m = require(field);
        SyncMode mode = change.mode() == null ? m.mode() : mode(change.mode());
        String lead = change.lead() == null ? m.leadField() : blankToNull(change.lead());
        String contact = change.contact() == null ? m.contactField() : blankToNull(change.contact());
        String account = change.account() == null ? m.accountField() : blankToNull(change.account());
        FieldMapping draft = new FieldMapping(field, lead, contact, account, mode, Instant.now());
        List<String> warnings = check(draft);
        m.change(draft.leadField(), draft.contactField(), draft.accountField(), mode, draft.updatedAt());
        mappings.record(new FieldMappingChange(m, FieldMappingChange.Action.CHANGED, caller(), m.updatedAt()));
        return new Saved(view(m, types()), warnings);
    }

    /** Only the mode, as the settings page changes it. */
    @RolesAllowed(Roles.ADMIN)
    public Saved changeMode(String field, String mode) {
        return change(field, new Change(null, null, null, mode));
    }

    @RolesAllowed(Roles.ADMIN)
    public void remove(String field) {
        FieldMapping m = require(field);
        mappings.record(new FieldMappingChange(m, FieldMappingChange.Action.REMOVED, caller(), Instant.now()));
        mappings.remove(m);
    }

    /** The names of every mode, in the order of §3. */
    public List<String> modes() {
        return Arrays.stream(SyncMode.values()).map(FieldMappings::name).toList();
    }

    /**
     * Refuses a mapping Tandem could not carry: an unknown Tandem field, no Salesforce field named, a
     * Salesforce field another mapping has, or one the org's describe says does not exist, has the wrong
     * type or takes no writes while the mode sends values. Answers warnings, and corrects each name to the
     * org's spelling.
     */
    private List<String> check(FieldMapping draft) {
        String field = draft.field();
        MappedFields types = types();
        TandemType type = types.type(field);
        if (type == null) {
            throw new InvalidRequestException("field", "no Tandem field " + field + ": a standard field ("
                    + String.join(", ", Arrays.stream(ContactField.values()).map(ContactField::apiName).toList())
                    + "), custom.<name> of a defined custom field, or a company's ("
                    + String.join(", ", Arrays.stream(CompanyField.values()).map(CompanyField::apiName).toList()) + ")");
        }
        boolean company = CompanyField.byName(field) != null;
        Map<String, String> named = new LinkedHashMap<>();
        if (company) {
            if (draft.leadField() != null || draft.contactField() != null) {
                throw new InvalidRequestException(draft.leadField() != null ? "lead" : "contact",
                        field + " is a company's field: it maps to an Account field, not to Lead or Contact");
            }
            if (draft.accountField() == null) {
                throw new InvalidRequestException("account", "name the Account field");
            }
            named.put(SalesforceObjects.ACCOUNT, draft.accountField());
        } else {
            if (draft.accountField() != null) {
                throw new InvalidRequestException("account", field + " is a contact's field: it maps to Lead and Contact fields, not to Account");
            }
            if (draft.leadField() == null && draft.contactField() == null) {
                throw new InvalidRequestException("lead", "name the Salesforce field on Lead, on Contact, or both");
            }
            if (draft.leadField() != null) {
                named.put(SalesforceObjects.LEAD, draft.leadField());
            }
            if (draft.contactField() != null) {
                named.put(SalesforceObjects.CONTACT, draft.contactField());
            }
        }
        List<FieldMapping> existing = mappings.all();
        SalesforceGateway gateway = org.gateway().orElseThrow(() -> new ConflictException("connection",
                "no Salesforce connection: a mapping is checked against the org's fields before it is saved"));
        List<String> warnings = new ArrayList<>();
        Map<String, String> spelled = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : named.entrySet()) {
            String object = e.getKey();
            String key = object.toLowerCase(Locale.ROOT);
            String name = e.getValue().trim();
            if (object.equals(SalesforceObjects.ACCOUNT) && (name.equalsIgnoreCase("Name") || name.equalsIgnoreCase("Website"))) {
                throw new ConflictException(key, "Account." + name + " carries the company's " + name.toLowerCase(Locale.ROOT)
                        + " always; map another field");
            }
            if (name.length() > MAX_NAME || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new InvalidRequestException(key, "is not a Salesforce API name (letters, digits and _, at most " + MAX_NAME + ")");
            }
            for (FieldMapping other : existing) {
                String theirs = switch (object) {
                    case SalesforceObjects.LEAD -> other.leadField();
                    case SalesforceObjects.CONTACT -> other.contactField();
                    default -> other.accountField();
                };
                if (!other.field().equals(field) && name.equalsIgnoreCase(theirs)) {
                    throw new ConflictException(key, object + "." + theirs + " is mapped to " + other.field()
                            + " already: one Salesforce field is one Tandem field");
                }
            }
            Map<String, SalesforceField> described = describes.read(gateway, object);
            MappingCheck.Result r = MappingCheck.check(object, name, type, types.maxLength(field), draft.mode(), described);
            if (!r.passed()) {
                throw new InvalidRequestException(key, r.refusal());
            }
            warnings.addAll(r.warnings());
            spelled.put(object, MappingCheck.spelled(name, described));
        }
        draft.change(spelled.get(SalesforceObjects.LEAD), spelled.get(SalesforceObjects.CONTACT), spelled.get(SalesforceObjects.ACCOUNT),
                draft.mode(), draft.updatedAt());
        return warnings;
    }

    private static SyncMode defaultMode(String field) {
        // the lead score is Tandem's own figure: it goes out, Salesforce only fills a gap (§7)
        return ContactField.LEAD_SCORE.apiName().equals(field) ? SyncMode.ALWAYS_TANDEM : FieldMapping.DEFAULT_MODE;
    }

    private static SyncMode mode(String mode) {
        try {
            return SyncMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("mode", "must be one of " + Arrays.stream(SyncMode.values()).map(FieldMappings::name).toList());
        }
    }

    private FieldMapping require(String field) {
        return mappings.find(field).orElseThrow(() -> new UnknownRecordException("field mapping", field));
    }

    /** The kind of value of every Tandem field there is now. */
    private MappedFields types() {
        return MappedFields.of(List.of(), customFields.all());
    }

    private String caller() {
        return session.getCallerPrincipal() == null ? "system" : session.getCallerPrincipal().getName();
    }

    private static Mapping view(FieldMapping m, MappedFields types) {
        TandemType type = types.type(m.field());
        return new Mapping(m.field(), m.leadField(), m.contactField(), m.accountField(), name(m.mode()), type == null ? null : type.code());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String name(SyncMode m) {
        return m.name().toLowerCase(Locale.ROOT);
    }
}
