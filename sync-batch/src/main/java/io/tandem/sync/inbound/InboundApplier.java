package io.tandem.sync.inbound;

import io.tandem.domain.service.SalesforceFieldNames;
import io.tandem.domain.service.SalesforceObjects;
import io.tandem.sync.StandaloneCompanies;
import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.company.CompanyField;
import io.tandem.domain.model.field.FieldSync;
import io.tandem.domain.model.company.CompanyRepository;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.FieldConflict;
import io.tandem.domain.model.contact.FieldConflictRepository;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.shared.EmailAddress;
import io.tandem.domain.model.contact.NewRecords;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.domain.shared.InvalidValueException;
import io.tandem.domain.shared.SalesforceId;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.RecordOutcome.Outcome;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import static io.tandem.sync.inbound.InboundPage.blankToNull;
import static io.tandem.sync.inbound.InboundPage.isTrue;
import static io.tandem.sync.inbound.InboundPage.nameOf;
import static io.tandem.sync.inbound.InboundPage.setWebsite;
import static io.tandem.sync.inbound.InboundPage.text;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /** How much of a long text value the log keeps. */
    private static final int RECEIVED_TEXT = 200;

    @Inject
    SalesforceFieldNames fieldNames;
    @Inject
    ContactRepository contacts;
    @Inject
    CompanyRepository companies;
    @Inject
    NewRecords newRecords;
    @Inject
    StandaloneCompanies standalone;
    @Inject
    CampaignMemberChanges members;
    @Inject
    OpportunityChanges opportunities;
    @Inject
    FieldConflictRepository conflicts;

    public List<RecordOutcome> apply(String object, List<SalesforceRecord> records) {
        return apply(object, records, PageTurn.ALONE);
    }

    /**
     * The same, in turn with the page before: new rows whose keys that page does not also create go in at
     * once; rows that exist already, and new rows that share a key with it, are written only after it has
     * committed. So a page holds, while it waits, locks only on rows no other page can touch.
     */
    public List<RecordOutcome> apply(String object, List<SalesforceRecord> records, PageTurn turn) {
        if (SalesforceObjects.CAMPAIGN_MEMBER.equals(object)) {
            turn.awaitPredecessor();
            return members.apply(records);
        }
        if (SalesforceObjects.CAMPAIGN.equals(object)) {
            turn.awaitPredecessor();
            return members.campaigns(records);
        }
        if (SalesforceObjects.OPPORTUNITY.equals(object) || SalesforceObjects.OPPORTUNITY_CONTACT_ROLE.equals(object)) {
            turn.awaitPredecessor();
            return opportunities.apply(object, records);
        }
        InboundPage page = new InboundPage(records.size(), Instant.now(), contacts, companies, newRecords, standalone, fieldNames);
        RecordOutcome[] outcomes = new RecordOutcome[records.size()];
        // the records that share no key with a page not yet committed go first, alongside that page
        boolean[] later = PageKeys.waiting(records, turn.sharedKeys());
        apply(page, object, records, later, false, outcomes);
        boolean early = turn.mayInsertEarly() && (SalesforceObjects.ACCOUNT.equals(object) || !page.createsAccountCompany());
        if (early) {
            page.insertNew();
        }
        turn.awaitPredecessor();
        // the others once that page has committed: their lookups (at READ COMMITTED) see what it wrote
        apply(page, object, records, later, true, outcomes);
        page.insertNew();
        page.afterInserts();
        return List.of(outcomes);
    }

    /** The records of the page marked {@code later} as given, looked up together and run through the rules, outcomes in place. */
    private void apply(InboundPage page, String object, List<SalesforceRecord> records, boolean[] later, boolean which,
                       RecordOutcome[] outcomes) {
        List<SalesforceRecord> these = new ArrayList<>(which ? 16 : records.size());
        for (int i = 0; i < records.size(); i++) {
            if (later[i] == which) {
                these.add(records.get(i));
            }
        }
        if (these.isEmpty()) {
            return;
        }
        boolean accounts = SalesforceObjects.ACCOUNT.equals(object);
        if (accounts) {
            page.loadAccounts(these);
        } else {
            page.loadPeople(object, these);
        }
        for (int i = 0; i < records.size(); i++) {
            if (later[i] != which) {
                continue;
            }
            SalesforceRecord r = records.get(i);
            if (accounts) {
                outcomes[i] = account(page, r);
            } else {
                try {
                    outcomes[i] = person(page, object, r);
                } catch (InvalidValueException e) {
                    outcomes[i] = RecordOutcome.failed(r.id(), null, e.field() + ": " + e.getMessage());
                }
            }
        }
    }

    private RecordOutcome account(InboundPage page, SalesforceRecord r) {
        Company found = page.byAccount.get(r.id());
        Company company = found;
        if (r.deleted()) {
            if (company == null) {
                return RecordOutcome.skipped(r.id(), null, "deleted in Salesforce; no company here is linked to it");
            }
            String master = r.masterRecordId();
            if (master == null) {
                company.unlinkAccount();
                company.touch(page.now);
                page.byAccount.remove(r.id());
                return page.outcome(r, null, company, Outcome.DELETED, "Account deleted in Salesforce: the company stays, unlinked", Map.of());
            }
            Company survivor = page.byAccount.get(master);
            page.byAccount.remove(r.id());
            if (survivor == null || survivor == company) {
                company.linkAccount(SalesforceId.of(master));
                page.byAccount.put(master, company);
                return page.outcome(r, null, company, Outcome.UPDATED, "merged into Account " + master + ": re-linked", Map.of());
            }
            found.unlinkAccount();
            page.afterInsert.add(() -> {
                for (Contact c : page.contacts.findInCompany(found.id())) {
                    c.moveTo(survivor.id(), SystemSource.SALESFORCE, page.now);
                }
                page.companies.remove(found);
            });
            return page.outcome(r, null, survivor, Outcome.UPDATED, "merged into Account " + master
                    + ": its contacts moved to company " + survivor.id(), Map.of());
        }
        String name = nameOf(text(r, "Name"), r.id());
        String website = text(r, "Website");
        Map<String, Object> notes = new LinkedHashMap<>();
        Map<CompanyField, Object> profile = companyValues(page, r, notes);
        if (company == null) {
            company = Company.shared(name, null, page.now);
            setWebsite(company, website, notes);
            Company created = company;
            profile.forEach(created::set);
            company.linkAccount(SalesforceId.of(r.id()));
            page.newRecords.identify(company);
            page.newCompanies.put(company.id(), company);
            page.known(company);
            return page.outcome(r, null, company, Outcome.CREATED, "new Account", notes);
        }
        Company known = company;
        boolean differs = !name.equals(company.name()) || !java.util.Objects.equals(blankToNull(website), company.website())
                || profile.entrySet().stream().anyMatch(e -> !FieldSync.same(e.getValue(), known.value(e.getKey())));
        if (differs && r.lastModifiedDate() != null && company.updatedAt() != null
                && r.lastModifiedDate().isBefore(company.updatedAt().truncatedTo(ChronoUnit.SECONDS))) {
            // a stale value never overwrites a fresher one: the company changed here after this Account version
            // was saved (in an earlier second: Salesforce stamps to the second), and that change is on its way out
            return page.outcome(r, null, company, Outcome.UNCHANGED, "the company changed here after the Account did; "
                    + "the local change goes to Salesforce", notes);
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
        for (Map.Entry<CompanyField, Object> e : profile.entrySet()) {
            if (company.set(e.getKey(), e.getValue())) {
                changed.add(e.getKey().apiName());
            }
        }
        if (changed.isEmpty()) {
            return page.outcome(r, null, company, Outcome.UNCHANGED, "no mapped field changed", notes);
        }
        // stamped with the Account's own time, so a later edit there (read by a later poll) is never taken for stale
        company.touch(r.lastModifiedDate() == null ? page.now : r.lastModifiedDate());
        notes.put("changed", changed);
        return page.outcome(r, null, company, Outcome.UPDATED, "Account changed", notes);
    }

    /**
     * The mapped company fields an Account brings, under their modes: Salesforce's value where the mode takes
     * it (a blank one only under "always prefer Salesforce"), nothing where Tandem's is preferred and set; a
     * value Tandem cannot hold is noted and left out.
     */
    private static Map<CompanyField, Object> companyValues(InboundPage page, SalesforceRecord r, Map<String, Object> notes) {
        Map<CompanyField, Object> values = new LinkedHashMap<>();
        Company company = page.byAccount.get(r.id());
        for (Map.Entry<String, String> m : page.mapped.on(SalesforceObjects.ACCOUNT).entrySet()) {
            CompanyField field = CompanyField.byName(m.getKey());
            if (field == null) {
                continue;
            }
            Object value;
            try {
                value = field.normalize(r.fields().get(m.getValue()));
            } catch (InvalidValueException e) {
                notes.put(field.apiName(), "not applied: " + e.getMessage());
                continue;
            }
            Object local = company == null ? null : company.value(field);
            boolean take = switch (page.mapped.mode(m.getKey())) {
                case ALWAYS_SALESFORCE -> true;
                case ALWAYS_TANDEM -> FieldSync.isEmpty(local);
                case DO_NOT_SYNC -> false;
                default -> !FieldSync.isEmpty(value);
            };
            if (take) {
                values.put(field, value);
            }
        }
        return values;
    }

    private RecordOutcome person(InboundPage page, String object, SalesforceRecord r) {
        if (r.deleted()) {
            return deleted(page, r);
        }
        boolean lead = SalesforceObjects.LEAD.equals(object);
        if (lead && isTrue(r.fields().get("IsConverted"))) {
            return converted(page, r);
        }
        InboundRules.Email parsed = InboundRules.email(r);
        if (parsed.address() == null) {
            return RecordOutcome.skipped(r.id(), null, parsed.skipReason());
        }
        EmailAddress email = parsed.address();
        Map<String, Object> notes = new LinkedHashMap<>();
        Contact contact = page.bySalesforceId.get(r.id());
        String relinkReason = null;
        if (contact == null) {
            contact = page.byEmail.get(email.key());
            if (contact != null && contact.salesforce().isLinked()) {
                InboundRules.Claim claim = InboundRules.claim(object, r, contact.salesforce());
                if (!claim.takesOver()) {
                    return RecordOutcome.skipped(r.id(), contact.id(), claim.reason());
                }
                relinkReason = claim.reason();
                page.bySalesforceId.remove(contact.salesforce().id().value());
            }
        } else if (!contact.email().key().equals(email.key())) {
            Contact holder = page.byEmail.get(email.key());
            if (holder == null) {
                page.byEmail.remove(contact.email().key());
                contact.changeEmail(email, SystemSource.SALESFORCE, page.now);
                page.byEmail.put(email.key(), contact);
                notes.put("email", "changed to " + email.address());
            } else {
                notes.put("email", "not changed to " + email.address() + ": contact " + holder.id() + " has it");
            }
        }
        boolean created = false;
        if (contact == null) {
            contact = page.create(r, lead, email);
            created = true;
        }
        boolean relinked = !created && !r.id().equals(contact.salesforce().isLinked() ? contact.salesforce().id().value() : null);
        contact.linkTo(SalesforceId.of(r.id()), r.lastModifiedDate());
        page.bySalesforceId.put(r.id(), contact);

        Map<String, Object> values = InboundRules.values(r, object, page.mapped, notes);
        Contact.InboundResult result = contact.applyInbound(values, r.lastModifiedDate(), page.mapped::mode);
        boolean renamed = lead && page.renameStandalone(contact, text(r, "Company"), notes);
        boolean moved = !lead && page.moveToAccount(contact, text(r, "AccountId"), text(r, "Account.Name"), text(r, "Account.Website"));
        if (!result.changed().isEmpty()) {
            // a new contact's fields all changed: what it received says which, once
            if (!created) {
                notes.put("changed", result.changed());
            }
            notes.put("received", received(values, result.changed()));
        }
        if (!result.conflicts().isEmpty()) {
            notes.put("conflicts", result.conflicts());
            // into the conflicts inbox, where an operator keeps the outcome or sends the other value
            Instant now = Instant.now();
            for (Contact.Conflict c : result.conflictDetails()) {
                conflicts.add(new FieldConflict(contact.id(), c, now));
            }
        }
        if (created) {
            return page.outcome(r, contact, null, Outcome.CREATED, "new contact from this " + object, notes);
        }
        if (relinked) {
            return page.outcome(r, contact, null, Outcome.UPDATED, relinkReason != null ? relinkReason
                    : "linked to this " + object + " by email", notes);
        }
        if (result.changed().isEmpty() && !moved && !renamed && !notes.containsKey("email")) {
            return page.outcome(r, contact, null, Outcome.UNCHANGED, "no mapped field changed", notes);
        }
        return page.outcome(r, contact, null, Outcome.UPDATED, moved ? "moved to another company"
                : renamed && result.changed().isEmpty() ? "its company renamed after the Lead's Company" : "fields changed", notes);
    }

    /** The values Salesforce sent for the fields that changed here (§8: what was received), long text cut. */
    private static Map<String, Object> received(Map<String, Object> values, Set<String> changed) {
        Map<String, Object> received = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (changed.contains(field)) {
                received.put(field, value instanceof String text && text.length() > RECEIVED_TEXT
                        ? text.substring(0, RECEIVED_TEXT) + "…" : value);
            }
        });
        return received;
    }

    private RecordOutcome deleted(InboundPage page, SalesforceRecord r) {
        Contact contact = page.bySalesforceId.remove(r.id());
        if (contact == null) {
            return RecordOutcome.skipped(r.id(), null, "deleted in Salesforce; no contact here is linked to it");
        }
        String master = r.masterRecordId();
        if (master != null) {
            Contact survivor = page.bySalesforceId.get(master);
            if (survivor == null || survivor == contact) {
                contact.linkTo(SalesforceId.of(master), r.lastModifiedDate());
                page.bySalesforceId.put(master, contact);
                return page.outcome(r, contact, null, Outcome.UPDATED, "merged into " + master + ": re-linked", Map.of());
            }
            contact.deletedInSalesforce();
            return page.outcome(r, contact, null, Outcome.DELETED, "merged into " + master + ", which is linked to contact "
                    + survivor.id() + ": this contact is marked deleted in Salesforce", Map.of());
        }
        contact.deletedInSalesforce();
        return page.outcome(r, contact, null, Outcome.DELETED, "deleted in Salesforce: link cleared, not re-created there", Map.of());
    }

    private RecordOutcome converted(InboundPage page, SalesforceRecord r) {
        String convertedContact = text(r, "ConvertedContactId");
        Contact contact = page.bySalesforceId.get(r.id());
        if (contact == null || convertedContact == null) {
            return RecordOutcome.skipped(r.id(), contact == null ? null : contact.id(),
                    "converted Lead: its Contact " + (convertedContact == null ? "" : convertedContact + " ") + "comes through instead");
        }
        Contact holder = page.bySalesforceId.get(convertedContact);
        if (holder != null && holder != contact) {
            contact.deletedInSalesforce();
            page.bySalesforceId.remove(r.id());
            return page.outcome(r, contact, null, Outcome.DELETED, "converted to Contact " + convertedContact
                    + ", which is linked to contact " + holder.id() + ": this contact is marked deleted in Salesforce", Map.of());
        }
        page.bySalesforceId.remove(r.id());
        contact.linkTo(SalesforceId.of(convertedContact), r.lastModifiedDate());
        page.bySalesforceId.put(convertedContact, contact);
        String account = text(r, "ConvertedAccountId");
        if (account != null) {
            page.moveToAccount(contact, account, text(r, "Company"), null);
        }
        return page.outcome(r, contact, null, Outcome.UPDATED, "Lead converted: re-linked to Contact " + convertedContact
                + (account == null ? "" : " and moved to the company of Account " + account), Map.of());
    }
}
