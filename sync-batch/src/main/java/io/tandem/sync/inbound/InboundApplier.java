package io.tandem.sync.inbound;

import io.tandem.application.internal.ContactWriter;
import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.company.CompanyRepository;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactField;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.contact.EmailAddress;
import io.tandem.domain.model.contact.NewRecords;
import io.tandem.domain.model.contact.SalesforceLink;
import io.tandem.domain.model.contact.SyncOnCreate;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.model.field.FieldMapping;
import io.tandem.domain.model.field.FieldMappingRepository;
import io.tandem.domain.model.field.SyncMode;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.domain.shared.InvalidValueException;
import io.tandem.domain.shared.SalesforceId;
import io.tandem.sync.log.RecordOutcome;
import io.tandem.sync.log.RecordOutcome.Outcome;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one page of Salesforce records to the marketing database (§4), in the caller's transaction:
 * Accounts become shared companies; Contacts and Leads become contacts, one per email, under each
 * field's sync mode (§3). Everything the page needs is looked up in a few queries at its start, new
 * rows are inserted together at its end, and nothing is queued outbound (no echo).
 */
@Dependent
public class InboundApplier {

    @Inject
    ContactRepository contacts;
    @Inject
    CompanyRepository companies;
    @Inject
    FieldMappingRepository mappings;
    @Inject
    NewRecords newRecords;
    @Inject
    ContactWriter writer;

    public List<RecordOutcome> apply(String object, List<SalesforceRecord> records) {
        Page page = new Page(Instant.now());
        List<RecordOutcome> outcomes = new ArrayList<>(records.size());
        if (SalesforceFields.ACCOUNT.equals(object)) {
            page.loadAccounts(records);
            for (SalesforceRecord r : records) {
                outcomes.add(page.account(r));
            }
        } else {
            page.loadPeople(object, records);
            for (SalesforceRecord r : records) {
                try {
                    outcomes.add(page.person(object, r));
                } catch (InvalidValueException e) {
                    outcomes.add(RecordOutcome.failed(r.id(), null, e.field() + ": " + e.getMessage()));
                }
            }
        }
        page.finish();
        return outcomes;
    }

    /** The sync modes in force, read once per page. */
    private Map<ContactField, SyncMode> modes() {
        Map<ContactField, SyncMode> modes = new EnumMap<>(ContactField.class);
        for (ContactField f : ContactField.values()) {
            modes.put(f, FieldMapping.DEFAULT_MODE);
        }
        for (FieldMapping m : mappings.all()) {
            ContactField f = ContactField.byName(m.field());
            if (f != null) {
                modes.put(f, m.mode());
            }
        }
        return modes;
    }

    /** One page's lookups and the rows it creates. */
    private final class Page {
        private final Instant now;
        private final Map<String, Company> byAccount = new HashMap<>();
        private final Map<Long, Company> companiesById = new HashMap<>();
        private final Map<String, Contact> bySalesforceId = new HashMap<>();
        private final Map<String, Contact> byEmail = new HashMap<>();
        private final Map<Long, Company> newCompanies = new LinkedHashMap<>();
        private final Map<Long, Contact> newContacts = new LinkedHashMap<>();
        private final Set<Long> leftCompanies = new LinkedHashSet<>();
        private final List<Runnable> afterInsert = new ArrayList<>();
        private Map<ContactField, SyncMode> modes;

        Page(Instant now) {
            this.now = now;
        }

        void loadAccounts(List<SalesforceRecord> records) {
            Set<String> ids = new LinkedHashSet<>();
            for (SalesforceRecord r : records) {
                ids.add(r.id());
                if (r.masterRecordId() != null) {
                    ids.add(r.masterRecordId());
                }
            }
            companies.findByAccounts(ids).forEach(this::known);
        }

        void loadPeople(String object, List<SalesforceRecord> records) {
            modes = modes();
            Set<String> ids = new LinkedHashSet<>();
            Set<String> emails = new LinkedHashSet<>();
            Set<String> accounts = new LinkedHashSet<>();
            for (SalesforceRecord r : records) {
                ids.add(r.id());
                addIfPresent(ids, r.masterRecordId());
                addIfPresent(ids, text(r, "ConvertedContactId"));
                addIfPresent(accounts, text(r, "AccountId"));
                addIfPresent(accounts, text(r, "ConvertedAccountId"));
                String email = text(r, "Email");
                if (email != null) {
                    emails.add(EmailAddress.keyOf(email));
                }
            }
            Set<Long> companyIds = new LinkedHashSet<>();
            for (Contact c : contacts.findBySalesforceIds(ids)) {
                bySalesforceId.put(c.salesforce().id().value(), c);
                byEmail.put(c.email().key(), c);
                companyIds.add(c.companyId());
            }
            for (Contact c : contacts.findByEmailKeys(emails)) {
                byEmail.put(c.email().key(), c);
                companyIds.add(c.companyId());
            }
            companies.findByAccounts(accounts).forEach(this::known);
            companyIds.removeAll(companiesById.keySet());
            companies.findAll(companyIds).forEach(this::known);
        }

        private void known(Company c) {
            companiesById.put(c.id(), c);
            if (c.account() != null) {
                byAccount.put(c.account().value(), c);
            }
        }

        RecordOutcome account(SalesforceRecord r) {
            Company found = byAccount.get(r.id());
            Company company = found;
            if (r.deleted()) {
                if (company == null) {
                    return RecordOutcome.skipped(r.id(), null, "deleted in Salesforce; no company here is linked to it");
                }
                String master = r.masterRecordId();
                if (master == null) {
                    company.unlinkAccount();
                    company.touch(now);
                    byAccount.remove(r.id());
                    return outcome(r, null, company, Outcome.DELETED, "Account deleted in Salesforce: the company stays, unlinked", Map.of());
                }
                Company survivor = byAccount.get(master);
                byAccount.remove(r.id());
                if (survivor == null || survivor == company) {
                    company.linkAccount(SalesforceId.of(master));
                    byAccount.put(master, company);
                    return outcome(r, null, company, Outcome.UPDATED, "merged into Account " + master + ": re-linked", Map.of());
                }
                found.unlinkAccount();
                afterInsert.add(() -> {
                    for (Contact c : contacts.findInCompany(found.id())) {
                        c.moveTo(survivor.id(), SystemSource.SALESFORCE, now);
                    }
                    companies.remove(found);
                });
                return outcome(r, null, survivor, Outcome.UPDATED, "merged into Account " + master
                        + ": its contacts moved to company " + survivor.id(), Map.of());
            }
            String name = nameOf(text(r, "Name"), r.id());
            String website = text(r, "Website");
            Map<String, Object> notes = new LinkedHashMap<>();
            if (company == null) {
                company = Company.shared(name, null, now);
                setWebsite(company, website, notes);
                company.linkAccount(SalesforceId.of(r.id()));
                newRecords.identify(company);
                newCompanies.put(company.id(), company);
                known(company);
                return outcome(r, null, company, Outcome.CREATED, "new Account", notes);
            }
            List<String> changed = new ArrayList<>();
            if (!name.equals(company.name())) {
                company.rename(name);
                changed.add("name");
            }
            if (!java.util.Objects.equals(blankToNull(website), company.website())) {
                setWebsite(company, website, notes);
                changed.add("website");
            }
            if (changed.isEmpty()) {
                return outcome(r, null, company, Outcome.UNCHANGED, "no mapped field changed", notes);
            }
            company.touch(now);
            notes.put("changed", changed);
            return outcome(r, null, company, Outcome.UPDATED, "Account changed", notes);
        }

        RecordOutcome person(String object, SalesforceRecord r) {
            if (r.deleted()) {
                return deleted(r);
            }
            boolean lead = SalesforceFields.LEAD.equals(object);
            if (lead && isTrue(r.fields().get("IsConverted"))) {
                return converted(r);
            }
            String rawEmail = text(r, "Email");
            if (rawEmail == null) {
                return RecordOutcome.skipped(r.id(), null, "no email");
            }
            EmailAddress email;
            try {
                email = EmailAddress.of(rawEmail);
            } catch (InvalidValueException e) {
                return RecordOutcome.skipped(r.id(), null, "invalid email \"" + rawEmail + "\": " + e.getMessage());
            }
            Map<String, Object> notes = new LinkedHashMap<>();
            Contact contact = bySalesforceId.get(r.id());
            String relinkReason = null;
            if (contact == null) {
                contact = byEmail.get(email.key());
                if (contact != null && contact.salesforce().isLinked()) {
                    SalesforceLink link = contact.salesforce();
                    if (lead && link.type() == SalesforceLink.Type.CONTACT) {
                        return RecordOutcome.skipped(r.id(), contact.id(), "the email belongs to Salesforce Contact "
                                + link.id().value() + ", whose data takes priority");
                    }
                    if (!lead && link.type() == SalesforceLink.Type.LEAD) {
                        relinkReason = "Contact takes priority over Lead " + link.id().value() + " with the same email";
                    } else if (link.modifiedAt() != null && r.lastModifiedDate() != null
                            && !r.lastModifiedDate().isAfter(link.modifiedAt())) {
                        return RecordOutcome.skipped(r.id(), contact.id(), "duplicate by email of " + object + " "
                                + link.id().value() + ", which was modified more recently");
                    } else {
                        relinkReason = "duplicate by email of " + object + " " + link.id().value()
                                + ": this one is the most recently modified";
                    }
                    bySalesforceId.remove(link.id().value());
                }
            } else if (!contact.email().key().equals(email.key())) {
                Contact holder = byEmail.get(email.key());
                if (holder == null) {
                    byEmail.remove(contact.email().key());
                    contact.changeEmail(email, SystemSource.SALESFORCE, now);
                    byEmail.put(email.key(), contact);
                    notes.put("email", "changed to " + email.address());
                } else {
                    notes.put("email", "not changed to " + email.address() + ": contact " + holder.id() + " has it");
                }
            }
            boolean created = false;
            if (contact == null) {
                contact = create(r, lead, email);
                created = true;
            }
            boolean relinked = !created && !r.id().equals(contact.salesforce().isLinked() ? contact.salesforce().id().value() : null);
            contact.linkTo(SalesforceId.of(r.id()), r.lastModifiedDate());
            bySalesforceId.put(r.id(), contact);

            Map<ContactField, Object> values = new EnumMap<>(ContactField.class);
            for (Map.Entry<ContactField, String> m : SalesforceFields.mapped(object).entrySet()) {
                Object raw = r.fields().get(m.getValue());
                try {
                    m.getKey().normalize(raw);
                    values.put(m.getKey(), raw);
                } catch (InvalidValueException e) {
                    notes.put(m.getKey().apiName(), "not applied: " + e.getMessage());
                }
            }
            Contact.InboundResult result = contact.applyInbound(values, r.lastModifiedDate(), modes::get);
            boolean moved = lead ? renameStandalone(contact, text(r, "Company"))
                    : moveToAccount(contact, text(r, "AccountId"), text(r, "Account.Name"), text(r, "Account.Website"));
            if (!result.changed().isEmpty()) {
                notes.put("changed", result.changed());
            }
            if (!result.conflicts().isEmpty()) {
                notes.put("conflicts", result.conflicts());
            }
            if (created) {
                return outcome(r, contact, null, Outcome.CREATED, "new contact from this " + object, notes);
            }
            if (relinked) {
                return outcome(r, contact, null, Outcome.UPDATED, relinkReason != null ? relinkReason
                        : "linked to this " + object + " by email", notes);
            }
            if (result.changed().isEmpty() && !moved && !notes.containsKey("email")) {
                return outcome(r, contact, null, Outcome.UNCHANGED, "no mapped field changed", notes);
            }
            return outcome(r, contact, null, Outcome.UPDATED, moved ? "moved to another company" : "fields changed", notes);
        }

        private RecordOutcome deleted(SalesforceRecord r) {
            Contact contact = bySalesforceId.remove(r.id());
            if (contact == null) {
                return RecordOutcome.skipped(r.id(), null, "deleted in Salesforce; no contact here is linked to it");
            }
            String master = r.masterRecordId();
            if (master != null) {
                Contact survivor = bySalesforceId.get(master);
                if (survivor == null || survivor == contact) {
                    contact.linkTo(SalesforceId.of(master), r.lastModifiedDate());
                    bySalesforceId.put(master, contact);
                    return outcome(r, contact, null, Outcome.UPDATED, "merged into " + master + ": re-linked", Map.of());
                }
                contact.deletedInSalesforce();
                return outcome(r, contact, null, Outcome.DELETED, "merged into " + master + ", which is linked to contact "
                        + survivor.id() + ": this contact is marked deleted in Salesforce", Map.of());
            }
            contact.deletedInSalesforce();
            return outcome(r, contact, null, Outcome.DELETED, "deleted in Salesforce: link cleared, not re-created there", Map.of());
        }

        private RecordOutcome converted(SalesforceRecord r) {
            String convertedContact = text(r, "ConvertedContactId");
            Contact contact = bySalesforceId.get(r.id());
            if (contact == null || convertedContact == null) {
                return RecordOutcome.skipped(r.id(), contact == null ? null : contact.id(),
                        "converted Lead: its Contact " + (convertedContact == null ? "" : convertedContact + " ") + "comes through instead");
            }
            Contact holder = bySalesforceId.get(convertedContact);
            if (holder != null && holder != contact) {
                contact.deletedInSalesforce();
                bySalesforceId.remove(r.id());
                return outcome(r, contact, null, Outcome.DELETED, "converted to Contact " + convertedContact
                        + ", which is linked to contact " + holder.id() + ": this contact is marked deleted in Salesforce", Map.of());
            }
            bySalesforceId.remove(r.id());
            contact.linkTo(SalesforceId.of(convertedContact), r.lastModifiedDate());
            bySalesforceId.put(convertedContact, contact);
            String account = text(r, "ConvertedAccountId");
            if (account != null) {
                moveToAccount(contact, account, text(r, "Company"), null);
            }
            return outcome(r, contact, null, Outcome.UPDATED, "Lead converted: re-linked to Contact " + convertedContact
                    + (account == null ? "" : " and moved to the company of Account " + account), Map.of());
        }

        private Contact create(SalesforceRecord r, boolean lead, EmailAddress email) {
            long companyId;
            String account = lead ? null : text(r, "AccountId");
            if (account != null) {
                companyId = accountCompany(account, text(r, "Account.Name"), text(r, "Account.Website")).id();
            } else {
                Company standalone = Company.standaloneFor(email, lead ? text(r, "Company") : null, now);
                newRecords.identify(standalone);
                newCompanies.put(standalone.id(), standalone);
                known(standalone);
                companyId = standalone.id();
            }
            Contact contact = new Contact(email, companyId, SystemSource.SALESFORCE, SyncOnCreate.NOW, now);
            newRecords.identify(contact);
            newContacts.put(contact.id(), contact);
            byEmail.put(email.key(), contact);
            return contact;
        }

        /** A Contact's Account decides its company; without one it has a standalone company of its own. */
        private boolean moveToAccount(Contact contact, String accountId, String accountName, String website) {
            Company current = companiesById.get(contact.companyId());
            if (accountId == null) {
                if (current == null || current.isStandalone() || current.account() == null) {
                    return false;
                }
                Company standalone = Company.standaloneFor(contact.email(), now);
                newRecords.identify(standalone);
                newCompanies.put(standalone.id(), standalone);
                known(standalone);
                return move(contact, standalone.id());
            }
            return move(contact, accountCompany(accountId, accountName, website).id());
        }

        private boolean move(Contact contact, long companyId) {
            long previous = contact.companyId();
            if (!contact.moveTo(companyId, SystemSource.SALESFORCE, now)) {
                return false;
            }
            Company left = newCompanies.get(previous);
            if (left != null && left.isStandalone() && newContacts.containsKey(contact.id())) {
                newCompanies.remove(previous);
            } else {
                leftCompanies.add(previous);
            }
            return true;
        }

        /** A Lead's standalone company carries the Lead's Company name. */
        private boolean renameStandalone(Contact contact, String companyName) {
            Company company = companiesById.get(contact.companyId());
            if (company == null || !company.isStandalone() || companyName == null || companyName.equals(company.name())
                    || newCompanies.containsKey(company.id())) {
                return false;
            }
            company.rename(companyName.length() > 255 ? companyName.substring(0, 255) : companyName);
            company.touch(now);
            return false;
        }

        /** The shared company of an Account; one named from the Account when it has not come through yet. */
        private Company accountCompany(String accountId, String name, String website) {
            Company company = byAccount.get(accountId);
            if (company == null) {
                company = Company.shared(nameOf(name, accountId), null, now);
                setWebsite(company, website, new HashMap<>());
                company.linkAccount(SalesforceId.of(accountId));
                newRecords.identify(company);
                newCompanies.put(company.id(), company);
                known(company);
            }
            return company;
        }

        /** New rows go in together; then what had to wait for them (merges, companies left empty). */
        void finish() {
            if (!newCompanies.isEmpty() || !newContacts.isEmpty()) {
                newRecords.insert(List.copyOf(newCompanies.values()), List.copyOf(newContacts.values()), List.of());
            }
            afterInsert.forEach(Runnable::run);
            for (Long left : leftCompanies) {
                writer.removeIfOrphanedStandalone(left);
            }
        }

        private RecordOutcome outcome(SalesforceRecord r, Contact contact, Company company, Outcome outcome, String reason,
                                      Map<String, Object> detail) {
            Long companyId = company != null ? company.id() : contact != null ? contact.companyId() : null;
            return new RecordOutcome(r.id(), contact == null ? null : contact.id(), companyId, outcome, reason, detail);
        }
    }

    private static void setWebsite(Company company, String website, Map<String, Object> notes) {
        try {
            company.changeWebsite(website);
        } catch (InvalidValueException e) {
            notes.put("website", "not applied: " + e.getMessage());
        }
    }

    private static String nameOf(String name, String accountId) {
        if (name == null || name.isBlank()) {
            return "Account " + accountId;
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    private static String text(SalesforceRecord r, String field) {
        Object v = r.fields().get(field);
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static boolean isTrue(Object v) {
        return Boolean.TRUE.equals(v) || (v != null && "true".equalsIgnoreCase(v.toString()));
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }
}
