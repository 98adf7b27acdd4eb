package io.tandem.application;

import io.tandem.sync.StandaloneCompanies;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.application.internal.ContactInputParser;
import io.tandem.application.internal.ContactWriter;
import io.tandem.domain.model.company.CompanyRepository;
import io.tandem.application.internal.WorkflowTriggers;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.opportunity.OpportunityRepository;
import io.tandem.domain.model.contact.ContactField;
import io.tandem.domain.model.contact.ContactFilter;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceOrg;
import io.tandem.domain.model.contact.SalesforceLink;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.model.sync.OutboxEntry;
import io.tandem.domain.model.sync.RecordType;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Contacts: upsert by email (one or a batch), read, list, change and delete. */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class Contacts {

    public static final int MAX_BATCH = 1000;

    @Inject
    ContactWriter writer;
    @Inject
    ContactRepository contacts;
    @Inject
    Outbox outbox;
    @Inject
    SyncSettingsRepository settings;
    @Inject
    CompanyRepository companies;
    @Inject
    StandaloneCompanies standalone;
    @Inject
    OpportunityRepository opportunities;
    @Inject
    WorkflowTriggers triggers;
    @Inject
    SalesforceOrg org;

    /** An upsert's answer: whether the contact was created, and the contact as it now is. */
    public record Upserted(boolean created, ContactDetails contact) {
    }

    /** One contact: created, or updated when its email exists. Writes nothing when it fails. */
    @RolesAllowed(Roles.OPERATOR)
    public Upserted upsert(ContactInput input, UpsertOptions options) {
        ContactWriter.Written written = writer.write(List.of(input), options).get(0);
        if (written.result().isFailed()) {
            throw new InvalidInputException(written.result().errors());
        }
        return new Upserted(UpsertResult.CREATED.equals(written.result().status()), ContactViews.details(written.contact()));
    }

    @RolesAllowed(Roles.OPERATOR)
    public List<UpsertResult> upsertBatch(List<ContactInput> inputs, UpsertOptions options) {
        if (inputs == null || inputs.isEmpty()) {
            throw new InvalidRequestException("contacts", "must hold at least one contact");
        }
        if (inputs.size() > MAX_BATCH) {
            throw new InvalidRequestException("contacts", "holds " + inputs.size() + " contacts; at most " + MAX_BATCH + " per call");
        }
        return writer.upsertAll(inputs, options);
    }

    /** One contact, with the opportunities of its company's Account and those naming it in a role. */
    /** Where a Salesforce record opens for a person, once the connection has logged in; empty otherwise. */
    public Optional<String> salesforceUrl(String recordId) {
        return org.gateway().flatMap(SalesforceGateway::instanceUrl).map(url -> url + "/" + recordId);
    }

    public ContactDetails get(long id) {
        Contact c = require(id);
        String account = companies.find(c.companyId()).map(co -> co.account() == null ? null : co.account().value()).orElse(null);
        String contact = c.salesforce().isLinked() && c.salesforce().type() == SalesforceLink.Type.CONTACT ? c.salesforce().id().value() : null;
        Map<String, String> roles = new HashMap<>();
        opportunities.rolesOf(contact).forEach(r -> roles.put(r.opportunityId(), r.role() == null ? "" : r.role()));
        List<ContactDetails.OpportunityView> list = account == null && contact == null ? List.of()
                : opportunities.ofAccountOrContact(account, contact).stream().map(o -> new ContactDetails.OpportunityView(o.id(), o.name(),
                        o.stage(), o.amount(), o.closeDate(), o.isClosed(), o.isWon(), roles.get(o.id()))).toList();
        return ContactViews.details(c).withOpportunities(list);
    }

    /** Contacts narrowed by any of: exact email, text in email or names, company, linked to Salesforce or not. */
    public Page<ContactDetails> list(String email, String text, Long companyId, Boolean linked, String cursor, Integer limit) {
        ContactFilter filter = new ContactFilter(email, text, companyId, linked);
        int size = Cursors.limit(limit);
        List<Contact> rows = contacts.page(filter, Cursors.read(cursor), size + 1);
        List<ContactDetails> items = new ArrayList<>();
        for (int i = 0; i < Math.min(size, rows.size()); i++) {
            items.add(ContactViews.details(rows.get(i)));
        }
        String next = rows.size() > size ? Cursors.after(rows.get(size - 1).id()) : null;
        return new Page<>(items, contacts.count(filter), next);
    }

    /** Changes the fields present in the input (null clears); a new email must be free. */
    @RolesAllowed(Roles.OPERATOR)
    public ContactDetails patch(long id, ContactInput input) {
        Contact contact = require(id);
        ContactInputParser.Parsed p = writer.parser().parse(input, false);
        if (!p.isValid()) {
            throw new InvalidInputException(p.errors());
        }
        Instant now = Instant.now();
        UpsertOptions options = UpsertOptions.api(null);
        Set<String> changed = new LinkedHashSet<>(contact.apply(p.changes(), false, SystemSource.API, now));
        if (p.email() != null) {
            boolean sameKey = p.email().equals(contact.email());
            if (!sameKey && !contacts.findByEmailKeys(List.of(p.email().key())).isEmpty()) {
                throw new InvalidRequestException("email", "another contact has this email");
            }
            if (contact.changeEmail(p.email(), SystemSource.API, now)) {
                changed.add("email");
            }
        }
        if (p.companyId() != null) {
            if (writer.moveTo(contact, requireCompany(p.companyId()), options, now)) {
                changed.add("companyId");
            }
        }
        queue(contact, changed, OutboxEntry.Operation.UPSERT, now);
        List<WorkflowTriggers.Fired> fired = new ArrayList<>();
        ContactWriter.fired(contact, changed, fired);
        triggers.fire(fired);
        return ContactViews.details(contact);
    }

    /** Queues the contact for Salesforce now with every field it has (for contacts created with sync: skip, or re-creating one deleted there). */
    @RolesAllowed(Roles.OPERATOR)
    public ContactDetails push(long id) {
        Contact contact = require(id);
        if (!settings.current().writes(RecordType.CONTACT)) {
            throw new ConflictException("contact", "writing contacts to Salesforce is off in Settings → Syncing");
        }
        contact.pushToSalesforce();
        outbox.enqueue(List.of(OutboxEntry.contact(contact.id(), OutboxEntry.Operation.UPSERT, contact.populatedFields(),
                SystemSource.API, Instant.now())));
        return ContactViews.details(contact);
    }

    @RolesAllowed(Roles.OPERATOR)
    public void delete(long id) {
        Contact contact = require(id);
        long companyId = contact.companyId();
        queue(contact, Set.of("email"), OutboxEntry.Operation.DELETE, Instant.now());
        contacts.remove(contact);
        standalone.removeIfOrphaned(companyId);
    }

    private void queue(Contact contact, Set<String> changed, OutboxEntry.Operation op, Instant now) {
        if (settings.current().queues(contact, changed)) {
            outbox.enqueue(List.of(OutboxEntry.contact(contact.id(), op, changed, SystemSource.API, now)));
        }
    }

    private long requireCompany(long companyId) {
        return companies.find(companyId).map(c -> c.id())
                .orElseThrow(() -> new InvalidRequestException("companyId", "no company with id " + companyId));
    }

    private Contact require(long id) {
        return contacts.find(id).orElseThrow(() -> new UnknownRecordException("contact", id));
    }

    /** Contacts as the API shows them. */
    static final class ContactViews {
        private ContactViews() {
        }

        static ContactDetails details(Contact c) {
            SalesforceLink link = c.salesforce();
            ContactDetails.Salesforce sf = link.isLinked()
                    ? new ContactDetails.Salesforce(link.id().value(), link.type() == SalesforceLink.Type.LEAD ? "Lead" : "Contact", false)
                    : link.isDeleted() ? new ContactDetails.Salesforce(null, null, true) : null;
            return new ContactDetails(c.id(), c.email().address(), (String) c.get(ContactField.FIRST_NAME),
                    (String) c.get(ContactField.LAST_NAME), (String) c.get(ContactField.PHONE), (String) c.get(ContactField.TITLE),
                    (String) c.get(ContactField.CITY), (String) c.get(ContactField.STATE), (String) c.get(ContactField.COUNTRY),
                    (Integer) c.get(ContactField.LEAD_SCORE), c.companyId(), c.customFields(), sf,
                    (String) c.get(ContactField.TRAFFIC_SOURCE), (String) c.get(ContactField.UTM_SOURCE),
                    (String) c.get(ContactField.UTM_MEDIUM), (String) c.get(ContactField.UTM_CAMPAIGN),
                    c.systemSource().code(), c.createdAt(), c.updatedAt(), c.fieldClocks(), null);
        }
    }
}
