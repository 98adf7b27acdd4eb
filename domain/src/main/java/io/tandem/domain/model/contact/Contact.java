package io.tandem.domain.model.contact;

import io.tandem.domain.model.field.FieldSync;
import io.tandem.domain.model.field.SyncMode;
import io.tandem.domain.shared.EmailAddress;
import io.tandem.domain.shared.JsonText;
import io.tandem.domain.shared.SalesforceId;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A person in the marketing database, one per email address, always in exactly one company. Every
 * change goes through {@link #apply}, which keeps each field's clock (when it last changed here, and
 * from where) and answers which fields really changed.
 */
@Entity
@Table(name = "contacts")
@TableGenerator(name = "contact_ids", table = "id_sequences", pkColumnName = "name", valueColumnName = "next_val",
        pkColumnValue = "contacts", allocationSize = 500)
@NamedQuery(name = Contact.BY_EMAIL_KEYS, query = "SELECT c FROM Contact c WHERE c.email.key IN :keys")
@NamedQuery(name = Contact.BY_SALESFORCE_IDS, query = "SELECT c FROM Contact c WHERE c.salesforce.id.value IN :ids")
@NamedQuery(name = Contact.COUNT_IN_COMPANY, query = "SELECT COUNT(c) FROM Contact c WHERE c.companyId = :company")
public class Contact {

    public static final String BY_EMAIL_KEYS = "Contact.byEmailKeys";
    public static final String BY_SALESFORCE_IDS = "Contact.bySalesforceIds";
    public static final String COUNT_IN_COMPANY = "Contact.countInCompany";
    /** Clock keys of custom fields carry this prefix, so they never meet a standard field's name. */
    public static final String CUSTOM_PREFIX = "custom.";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contact_ids")
    private Long id;

    @Embedded
    private EmailAddress email;

    @Embedded
    private ContactProfile profile = new ContactProfile();

    @Column(name = "company_id", nullable = false)
    private Long companyId;

    @Lob
    @Column(name = "custom_fields")
    private String customFields;

    @Enumerated(EnumType.STRING)
    @Column(name = "system_source", nullable = false, length = 16)
    private SystemSource systemSource;

    @Enumerated(EnumType.STRING)
    @Column(name = "sync_on_create", nullable = false, length = 8)
    private SyncOnCreate syncOnCreate;

    @Embedded
    private SalesforceLink salesforce;

    @Lob
    @Column(name = "field_state")
    private String fieldState;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Contact() {
    }

    public Contact(EmailAddress email, long companyId, SystemSource source, SyncOnCreate sync, Instant at) {
        this.email = Objects.requireNonNull(email);
        this.companyId = companyId;
        this.systemSource = source;
        this.syncOnCreate = sync;
        this.salesforce = SalesforceLink.none();
        this.createdAt = at;
        this.updatedAt = at;
    }

    /**
     * Applies new values; with {@code keepNonEmpty} a field that already has a value keeps it. Answers
     * the fields whose value changed (custom ones as {@code custom.<name>}), each with its clock moved.
     */
    public Set<String> apply(ContactChanges changes, boolean keepNonEmpty, SystemSource source, Instant at) {
        Set<String> changed = new LinkedHashSet<>();
        for (Map.Entry<ContactField, Object> e : changes.standard().entrySet()) {
            Object current = get(e.getKey());
            if ((keepNonEmpty && current != null) || Objects.equals(current, e.getValue())) {
                continue;
            }
            set(e.getKey(), e.getValue());
            changed.add(e.getKey().apiName());
        }
        Map<String, Object> custom = customFields();
        for (Map.Entry<String, Object> e : changes.custom().entrySet()) {
            Object current = custom.get(e.getKey());
            if ((keepNonEmpty && current != null) || Objects.equals(current, e.getValue())) {
                continue;
            }
            putCustom(custom, e.getKey(), e.getValue());
            changed.add(CUSTOM_PREFIX + e.getKey());
        }
        if (!changed.isEmpty()) {
            customFields = JsonText.write(custom);
            tick(changed, source, at);
        }
        return changed;
    }

    /** What an inbound change did: the fields it changed here, and the fields where both sides had changed. */
    public record InboundResult(Set<String> changed, Map<String, String> conflicts, List<Conflict> conflictDetails) {

        public InboundResult(Set<String> changed, Map<String, String> conflicts) {
            this(changed, conflicts, List.of());
        }
    }

    /**
     * A true two-way conflict met by an inbound change: both sides changed the field since the value they last
     * agreed on. Which one was kept, by the field's mode and the later change.
     */
    public record Conflict(String field, Object tandemValue, Instant tandemAt, Object salesforceValue, Instant salesforceAt,
                           boolean salesforceKept, String reason) {
    }

    /**
     * Applies a Salesforce record's values field by field under each field's sync mode (§3), judged
     * against this field's clock and its base (the value last exchanged). The values are keyed by Tandem
     * field (standard names, {@code custom.<name>}) and already in Tandem's form. Every value read becomes
     * the new base. Changes made here carry the source {@code salesforce}, so they never go back out.
     */
    public InboundResult applyInbound(Map<String, Object> salesforceValues, Instant salesforceModifiedAt,
                                      Function<String, SyncMode> modeOf) {
        FieldClocks clocks = FieldClocks.of(fieldState);
        Set<String> changed = new LinkedHashSet<>();
        Map<String, String> conflicts = new LinkedHashMap<>();
        List<Conflict> details = new java.util.ArrayList<>();
        Map<String, Object> custom = null;
        boolean customChanged = false;
        String stamp = salesforceModifiedAt.toString();
        for (Map.Entry<String, Object> e : salesforceValues.entrySet()) {
            String name = e.getKey();
            ContactField field = ContactField.byName(name);
            if (field == null && custom == null) {
                custom = customFields();
            }
            Object sfValue = field == null ? e.getValue() : field.normalize(e.getValue());
            Object local = field == null ? custom.get(customKey(name)) : get(field);
            Instant localAt = clocks.changedAt(name);
            FieldSync.Decision d = FieldSync.inbound(modeOf.apply(name), new FieldSync.Side(local, localAt),
                    clocks.base(name), new FieldSync.Side(sfValue, salesforceModifiedAt));
            if (d.apply()) {
                if (field == null) {
                    putCustom(custom, customKey(name), d.value());
                    customChanged = true;
                } else {
                    set(field, d.value());
                }
                changed.add(name);
                clocks.changed(name, SystemSource.SALESFORCE, stamp);
            }
            if (d.conflict()) {
                conflicts.put(name, d.reason());
                details.add(new Conflict(name, local, localAt, sfValue, salesforceModifiedAt, d.apply(), d.reason()));
            }
            clocks.exchanged(name, sfValue, stamp);
        }
        fieldState = clocks.json();
        if (customChanged) {
            customFields = JsonText.write(custom);
        }
        if (!changed.isEmpty()) {
            updatedAt = Instant.now();
        }
        return new InboundResult(changed, conflicts, details);
    }

    /** Salesforce now holds these values (sent, or found equal): each becomes its field's base. */
    public void exchanged(Map<String, Object> values, Instant at) {
        if (values.isEmpty()) {
            return;
        }
        FieldClocks clocks = FieldClocks.of(fieldState);
        values.forEach((field, value) -> clocks.exchanged(field, value, at));
        fieldState = clocks.json();
    }

    /** When a field (standard name or {@code custom.<name>}) last changed here, or null when it never did. */
    public Instant changedAt(String field) {
        return FieldClocks.of(fieldState).changedAt(field);
    }

    /** The value last exchanged with Salesforce for a field, or null when none was. */
    public Object base(String field) {
        return FieldClocks.of(fieldState).base(field);
    }

    /** One field as a decision about it needs it: its value here, when it last changed here, its base. */
    public record FieldState(Object value, Instant changedAt, Object base) {
    }

    /** The state of each named field, from one read of the clocks and the custom fields (not one per field). */
    public Map<String, FieldState> states(java.util.Collection<String> fields) {
        FieldClocks clocks = FieldClocks.of(fieldState);
        Map<String, Object> custom = null;
        Map<String, FieldState> states = new LinkedHashMap<>();
        for (String name : fields) {
            ContactField standard = ContactField.byName(name);
            Object value;
            if (standard != null) {
                value = get(standard);
            } else if (name.startsWith(CUSTOM_PREFIX)) {
                custom = custom == null ? customFields() : custom;
                value = custom.get(customKey(name));
            } else {
                value = null;
            }
            states.put(name, new FieldState(value, clocks.changedAt(name), clocks.base(name)));
        }
        return states;
    }

    /** A field's value by its Tandem name: a standard field's, or a custom one's ({@code custom.<name>}). */
    public Object value(String field) {
        ContactField standard = ContactField.byName(field);
        if (standard != null) {
            return get(standard);
        }
        return field.startsWith(CUSTOM_PREFIX) ? customFields().get(customKey(field)) : null;
    }

    private static String customKey(String field) {
        return field.startsWith(CUSTOM_PREFIX) ? field.substring(CUSTOM_PREFIX.length()) : field;
    }

    private static void putCustom(Map<String, Object> custom, String key, Object value) {
        if (value == null) {
            custom.remove(key);
        } else {
            custom.put(key, value);
        }
    }

    /** Links the contact to its Lead or Contact in Salesforce (the link then finds it, not the email). */
    public void linkTo(SalesforceId id) {
        salesforce = SalesforceLink.to(id);
    }

    /** Links the contact to a Salesforce record last modified at the given time. */
    public void linkTo(SalesforceId id, Instant modifiedAt) {
        salesforce = SalesforceLink.to(id, modifiedAt);
    }

    /** Salesforce deleted the linked record: the link goes, the contact stays, marked so it is not re-created. */
    public void deletedInSalesforce() {
        salesforce = SalesforceLink.deleted();
    }

    /**
     * Asked to go to Salesforce now: a contact created with "sync: skip" syncs from here on, and one whose
     * record Salesforce deleted may be created there again.
     */
    public void pushToSalesforce() {
        syncOnCreate = SyncOnCreate.NOW;
        if (salesforce().isDeleted()) {
            salesforce = SalesforceLink.none();
        }
    }

    /** Moves the contact to another company; answers whether it moved. */
    public boolean moveTo(long company, SystemSource source, Instant at) {
        if (companyId == company) {
            return false;
        }
        companyId = company;
        tick(Set.of("companyId"), source, at);
        return true;
    }

    /** Changes the address (to one no other contact has: the caller checks). */
    public boolean changeEmail(EmailAddress newEmail, SystemSource source, Instant at) {
        if (email.address().equals(newEmail.address())) {
            return false;
        }
        email = newEmail;
        tick(Set.of("email"), source, at);
        return true;
    }

    private void tick(Set<String> fields, SystemSource source, Instant at) {
        FieldClocks clocks = FieldClocks.of(fieldState);
        for (String f : fields) {
            clocks.changed(f, source, at);
        }
        fieldState = clocks.json();
        updatedAt = at;
    }

    public Object get(ContactField field) {
        return profile().get(field);
    }

    /** The names of the standard fields holding a value. */
    public Set<String> populatedStandardFields() {
        return profile().populated();
    }

    /** Every field holding a value, as a first push sends it: the email, standard and custom fields, the company. */
    public Set<String> populatedFields() {
        Set<String> names = new LinkedHashSet<>();
        names.add("email");
        names.addAll(populatedStandardFields());
        customFields().keySet().forEach(k -> names.add(CUSTOM_PREFIX + k));
        names.add("companyId");
        return names;
    }

    /** Whether its changes go to Salesforce: not while it waits to be pushed (created with sync=skip). */
    public boolean isSyncedOutbound() {
        return syncOnCreate == SyncOnCreate.NOW;
    }

    private void set(ContactField field, Object value) {
        if (profile == null) {
            profile = new ContactProfile();
        }
        profile.set(field, value);
    }

    /**
     * JPA leaves an embeddable null when all its columns are: a contact with only an email. Reading it never
     * fills it in: a contact read for a list would otherwise count as changed and be written at commit.
     */
    private ContactProfile profile() {
        return profile == null ? new ContactProfile() : profile;
    }

    /**
     * Gives a new contact the id a bulk writer allocated for it from the same id blocks JPA uses;
     * refuses a contact that has one.
     */
    public void identify(long newId) {
        if (id != null) {
            throw new IllegalStateException("contact " + id + " has an id");
        }
        id = newId;
    }

    public Long id() {
        return id;
    }

    /** The custom fields as stored (JSON), for writers that store rows themselves. */
    public String storedCustomFields() {
        return customFields;
    }

    /** The field clocks as stored (JSON), for writers that store rows themselves. */
    public String storedFieldState() {
        return fieldState;
    }

    public EmailAddress email() {
        return email;
    }

    public long companyId() {
        return companyId;
    }

    public Map<String, Object> customFields() {
        return JsonText.read(customFields);
    }

    /** Each changed field's clock: {@code {"at": instant, "by": source}}. */
    public Map<String, Object> fieldClocks() {
        return FieldClocks.of(fieldState).view();
    }

    public SystemSource systemSource() {
        return systemSource;
    }

    public SyncOnCreate syncOnCreate() {
        return syncOnCreate;
    }

    public SalesforceLink salesforce() {
        return salesforce == null ? SalesforceLink.none() : salesforce;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
