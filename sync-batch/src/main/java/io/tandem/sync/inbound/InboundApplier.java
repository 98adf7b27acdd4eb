package io.tandem.sync.inbound;

import io.tandem.domain.service.SalesforceFieldNames;
import io.tandem.domain.service.SalesforceObjects;
import io.tandem.sync.StandaloneCompanies;
import io.tandem.domain.model.company.Company;
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

import static io.tandem.sync.inbound.InboundPage.isTrue;
import static io.tandem.sync.inbound.InboundPage.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one page of Salesforce records to the marketing database (§4), in the caller's transaction:
 * Accounts become shared companies ({@link InboundAccounts}); Contacts and Leads become contacts, one per email, under each
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
        apply(page, object, records, later, false, turn, outcomes);
        boolean early = turn.mayInsertEarly() && (SalesforceObjects.ACCOUNT.equals(object) || !page.createsAccountCompany());
        if (early) {
            page.insertNew();
        }
        turn.awaitPredecessor();
        // the others once that page has committed: their lookups (at READ COMMITTED) see what it wrote
        apply(page, object, records, later, true, turn, outcomes);
        page.insertNew();
        page.afterInserts();
        return List.of(outcomes);
    }

    /** The records of the page marked {@code later} as given, looked up together and run through the rules, outcomes in place. */
    private void apply(InboundPage page, String object, List<SalesforceRecord> records, boolean[] later, boolean which, PageTurn turn,
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
            page.loadAccounts(these, turn);
        } else {
            page.loadPeople(these, turn);
        }
        for (int i = 0; i < records.size(); i++) {
            if (later[i] != which) {
                continue;
            }
            SalesforceRecord r = records.get(i);
            if (accounts) {
                outcomes[i] = InboundAccounts.apply(page, r);
            } else {
                try {
                    outcomes[i] = person(page, object, r);
                } catch (InvalidValueException e) {
                    outcomes[i] = RecordOutcome.failed(r.id(), null, e.field() + ": " + e.getMessage());
                }
            }
        }
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
