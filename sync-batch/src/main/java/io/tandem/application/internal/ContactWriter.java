package io.tandem.application.internal;

import io.tandem.domain.model.contact.SyncOnCreate;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.sync.StandaloneCompanies;
import io.tandem.application.ContactInput;
import io.tandem.application.FieldError;
import io.tandem.application.UpsertOptions;
import io.tandem.application.UpsertResult;
import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.company.CompanyRepository;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.contact.NewRecords;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.model.workflow.Trigger;
import io.tandem.domain.model.workflow.Workflow;
import io.tandem.domain.model.field.CustomFieldDefinition;
import io.tandem.domain.model.field.CustomFieldRepository;
import io.tandem.domain.model.sync.OutboxEntry;
import io.tandem.domain.model.sync.SyncSettings;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one upsert of contacts, for the API, the batch API and CSV imports: in the caller's transaction,
 * a whole list at once (one query for the existing contacts, one for the companies named), each
 * contact's outbox entry written with it. A bad item fails alone. New rows (companies, contacts,
 * outbox entries) go out in batched inserts at the end; changed contacts are JPA's to write.
 */
@Dependent
public class ContactWriter {

    @Inject
    ContactRepository contacts;
    @Inject
    CompanyRepository companies;
    @Inject
    CustomFieldRepository fields;
    @Inject
    SyncSettingsRepository settings;
    @Inject
    NewRecords newRecords;
    @Inject
    WorkflowTriggers triggers;
    @Inject
    Outbox outbox;
    @Inject
    StandaloneCompanies standalone;

    /** One input's outcome, with the contact as written (null when it failed). */
    public record Written(UpsertResult result, Contact contact) {
    }

    public List<UpsertResult> upsertAll(List<ContactInput> inputs, UpsertOptions options) {
        return write(inputs, options).stream().map(Written::result).toList();
    }

    /** The upsert, answering each input's outcome with the contact it wrote, so callers need not read it back. */
    public List<Written> write(List<ContactInput> inputs, UpsertOptions options) {
        // the database keeps microseconds: the contacts answered carry the times as they are stored
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ContactInputParser parser = parser();
        SyncSettings current = settings.current();
        List<ContactInputParser.Parsed> parsed = new ArrayList<>(inputs.size());
        Set<String> keys = new LinkedHashSet<>();
        Set<Long> companyIds = new LinkedHashSet<>();
        for (ContactInput input : inputs) {
            ContactInputParser.Parsed p = parser.parse(input, true);
            parsed.add(p);
            if (p.isValid()) {
                keys.add(p.email().key());
                if (p.companyId() != null) {
                    companyIds.add(p.companyId());
                }
            }
        }
        Map<String, Contact> byKey = contacts.findByEmailKeys(keys).stream()
                .collect(Collectors.toMap(c -> c.email().key(), Function.identity(), (a, b) -> a, HashMap::new));
        Set<Long> knownCompanies = companies.findAll(companyIds).stream().map(Company::id).collect(Collectors.toSet());
        boolean syncNow = options.syncNow() != null ? options.syncNow() : current.syncOnCreate();

        Batch batch = new Batch();
        List<Written> results = new ArrayList<>(inputs.size());
        // what workflows may fire on (only asked for when one is active; what workflows do fires none)
        List<Workflow> workflows = options.source() == SystemSource.WORKFLOW ? List.of() : triggers.active();
        List<WorkflowTriggers.Fired> fired = new ArrayList<>();
        for (ContactInputParser.Parsed p : parsed) {
            if (!p.isValid()) {
                results.add(new Written(UpsertResult.failed(p.rawEmail(), p.errors()), null));
                continue;
            }
            if (p.companyId() != null && !knownCompanies.contains(p.companyId())) {
                results.add(new Written(UpsertResult.failed(p.rawEmail(), List.of(new FieldError("companyId", "no company with id "
                        + p.companyId()))), null));
                continue;
            }
            Contact contact = byKey.get(p.email().key());
            if (contact == null) {
                if (options.updateOnly()) {
                    results.add(new Written(UpsertResult.failed(p.rawEmail(), List.of(new FieldError("email",
                            "no contact has this email (updateOnly)"))), null));
                    continue;
                }
                contact = create(p, options, syncNow, now, batch);
                byKey.put(p.email().key(), contact);
                batch.queueIfSynced(current, contact, contact.populatedFields(), options, now);
                results.add(new Written(new UpsertResult(contact.email().address(), contact.id(), UpsertResult.CREATED, List.of()), contact));
                if (!workflows.isEmpty()) {
                    fired.add(new WorkflowTriggers.Fired(contact.id(), Trigger.Change.created()));
                    fired(contact, contact.populatedFields(), fired);
                }
            } else {
                Set<String> changed = new LinkedHashSet<>(contact.apply(p.changes(), options.keepNonEmpty(), options.source(), now));
                if (p.companyId() != null && (batch.isNew(contact) ? batch.move(contact, p.companyId(), options, now)
                        : moveTo(contact, p.companyId(), options, now))) {
                    changed.add("companyId");
                }
                batch.queueIfSynced(current, contact, changed, options, now);
                results.add(new Written(new UpsertResult(contact.email().address(), contact.id(), UpsertResult.UPDATED, List.of()), contact));
                if (!workflows.isEmpty()) {
                    fired(contact, changed, fired);
                }
            }
        }
        batch.write();
        triggers.fire(fired, workflows);
        return results;
    }

    /** Each changed field of the contact, with its value now, as a workflow trigger sees it. */
    public static void fired(Contact contact, java.util.Collection<String> changed, List<WorkflowTriggers.Fired> into) {
        for (String field : changed) {
            if (!field.equals("companyId")) {
                into.add(new WorkflowTriggers.Fired(contact.id(), Trigger.Change.field(field, contact.value(field))));
            }
        }
    }

    /** The rows this upsert creates, written together at its end. */
    private final class Batch {
        private final Map<Long, Company> companies = new java.util.LinkedHashMap<>();
        private final Map<Long, Contact> contactsById = new java.util.LinkedHashMap<>();
        private final List<OutboxEntry> entries = new ArrayList<>();

        void add(Company company) {
            newRecords.identify(company);
            companies.put(company.id(), company);
        }

        void add(Contact contact) {
            newRecords.identify(contact);
            contactsById.put(contact.id(), contact);
        }

        void queueIfSynced(SyncSettings settings, Contact contact, Set<String> changed, UpsertOptions options, Instant now) {
            if (settings.queues(contact, changed)) {
                entries.add(OutboxEntry.contact(contact.id(), OutboxEntry.Operation.UPSERT, changed, options.source(), now));
            }
        }

        boolean isNew(Contact contact) {
            return contactsById.containsKey(contact.id());
        }

        /** A contact created earlier in this batch moves before it is written: its own company goes unwritten. */
        boolean move(Contact contact, long companyId, UpsertOptions options, Instant now) {
            long previous = contact.companyId();
            if (!contact.moveTo(companyId, options.source(), now)) {
                return false;
            }
            Company left = companies.get(previous);
            if (left != null && left.isStandalone()) {
                companies.remove(previous);
            }
            return true;
        }

        void write() {
            if (!companies.isEmpty() || !contactsById.isEmpty()) {
                newRecords.insert(List.copyOf(companies.values()), List.copyOf(contactsById.values()));
            }
            outbox.enqueue(entries);
        }
    }

    /** Sends what is pending to the database now, so a constraint violation shows in the caller. */
    public void flush() {
        contacts.flush();
    }

    public ContactInputParser parser() {
        Map<String, CustomFieldDefinition> defs = new HashMap<>();
        for (CustomFieldDefinition d : fields.all()) {
            defs.put(d.name(), d);
        }
        return new ContactInputParser(defs);
    }

    private Contact create(ContactInputParser.Parsed p, UpsertOptions options, boolean syncNow, Instant now, Batch batch) {
        long companyId;
        if (p.companyId() != null) {
            companyId = p.companyId();
        } else {
            Company standalone = Company.standaloneFor(p.email(), now);
            batch.add(standalone);
            companyId = standalone.id();
        }
        Contact contact = new Contact(p.email(), companyId, options.source(), syncNow ? SyncOnCreate.NOW : SyncOnCreate.SKIP, now);
        contact.apply(p.changes(), false, options.source(), now);
        batch.add(contact);
        return contact;
    }

    /**
     * Moves a contact to another company; a standalone company left without contacts goes, since no
     * contact is ever without a company and no standalone company is ever without its contact.
     */
    public boolean moveTo(Contact contact, long companyId, UpsertOptions options, Instant now) {
        long previous = contact.companyId();
        if (!contact.moveTo(companyId, options.source(), now)) {
            return false;
        }
        standalone.removeIfOrphaned(previous);
        return true;
    }
}
