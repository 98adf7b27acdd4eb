package io.tandem.sync.outbound;

import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.company.CompanyRepository;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.SyncLog;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.sync.StandaloneCompanies;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The drain's transactions: claiming entries, reading the contacts they name, and applying what a batch
 * did (links, new bases, entry endings, the log entry) all at once, so a crash leaves either all of it
 * or none, and none of it depends on holding a transaction open across calls to Salesforce.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboundBatches {

    /** The contacts of a batch and their companies, as read. */
    public record Loaded(Map<Long, Contact> contacts, Map<Long, Company> companies) {
    }

    @Inject
    Outbox outbox;
    @Inject
    ContactRepository contacts;
    @Inject
    CompanyRepository companies;
    @Inject
    SyncLog log;
    @Inject
    StandaloneCompanies standalone;

    /** How long a claim holds without renewal: a dead instance's entries go back to the queue after it. */
    static final Duration LEASE = Duration.ofSeconds(60);

    public List<Outbox.Claimed> claim(String instance, int max) {
        return outbox.claim(instance, max, LEASE);
    }

    public void renew(String instance, Collection<Long> entryIds) {
        outbox.renew(instance, entryIds, LEASE);
    }

    public Loaded load(Collection<Long> contactIds) {
        Map<Long, Contact> found = new HashMap<>();
        contacts.findAll(contactIds).forEach(c -> found.put(c.id(), c));
        Map<Long, Company> companiesById = new HashMap<>();
        companies.findAll(found.values().stream().map(Contact::companyId).distinct().toList())
                .forEach(c -> companiesById.put(c.id(), c));
        return new Loaded(found, companiesById);
    }

    /** The shared companies of company entries. */
    public Map<Long, Company> companies(Collection<Long> ids) {
        Map<Long, Company> found = new HashMap<>();
        companies.findAll(ids).forEach(c -> found.put(c.id(), c));
        return found;
    }

    /** Applies one batch's plans and logs it as one entry. */
    public void complete(String object, Instant startedAt, int apiCalls, List<ContactPlan> plans) {
        Instant now = Instant.now();
        List<RecordOutcome> outcomes = new ArrayList<>(plans.size());
        Map<Long, Contact> changing = new HashMap<>();
        contacts.findAll(plans.stream().filter(p -> !p.company).filter(p -> p.linkTo != null || p.deletedInSalesforce || !p.exchanged.isEmpty())
                .map(p -> p.contactId).toList()).forEach(c -> changing.put(c.id(), c));
        Map<String, Contact> holders = new HashMap<>();
        contacts.findBySalesforceIds(plans.stream().filter(p -> !p.company && p.linkTo != null).map(p -> p.linkTo.value()).toList())
                .forEach(c -> holders.put(c.salesforce().id().value(), c));
        for (ContactPlan p : plans) {
            Contact c = changing.get(p.contactId);
            if (c != null) {
                Contact holder = p.linkTo == null ? null : holders.get(p.linkTo.value());
                if (holder != null && holder != c) {
                    // a record is linked to one contact only: the other keeps it, this one is told why
                    p.exchanged.clear();
                    p.detail.put("error", "already linked to contact " + holder.id());
                    p.errorCode = "ALREADY_LINKED";
                    p.end(ContactPlan.Ending.FAILED, RecordOutcome.Outcome.FAILED, "Salesforce " + p.object + " " + p.linkTo.value()
                            + " is already linked to contact " + holder.id());
                } else if (p.linkTo != null && !p.linkTo.equals(c.salesforce().id())) {
                    c.linkTo(p.linkTo, now);
                    holders.put(p.linkTo.value(), c);
                }
                if (p.deletedInSalesforce) {
                    c.deletedInSalesforce();
                }
                c.exchanged(p.exchanged, now);
            }
            outcomes.add(p.toOutcome());
        }
        joinAccountCompanies(plans, changing, now);
        contacts.flush();
        long logId = log.write(new SyncLog.Batch("OUTBOUND", object, "drain", startedAt, "COMPLETED", apiCalls, null), outcomes);
        // entries that end alike end in one statement; failures and retries carry their own message
        List<Long> sent = new ArrayList<>();
        for (ContactPlan p : plans) {
            end(outbox, logId, sent, p.ending, p.entryIds, p.errorCode, p.reason);
        }
        outbox.sent(sent, logId);
    }

    /** Ends a plan's entries as it ended: sent ones gathered (for one statement), the others each with their message. */
    static void end(Outbox outbox, long logId, List<Long> sent, ContactPlan.Ending ending, List<Long> ids, String code, String reason) {
        switch (ending) {
            case SENT -> sent.addAll(ids);
            case SKIPPED -> outbox.skipped(ids, reason, logId);
            case FAILED -> outbox.park(ids, code, reason, logId);
            case RETRY -> outbox.retryLater(ids, 0, code, reason);
        }
    }

    /**
     * New Contacts created under an Account (§1: the contacts of an Account share its company): a contact
     * joins the company already linked to that Account, its standalone company going when left empty;
     * else its own company links to the Account, so the next contacts of that company reuse it and the
     * company's renames reach it.
     */
    private void joinAccountCompanies(List<ContactPlan> plans, Map<Long, Contact> changing, Instant now) {
        List<ContactPlan> created = plans.stream()
                .filter(p -> p.account != null && p.outcome == RecordOutcome.Outcome.CREATED && changing.containsKey(p.contactId)).toList();
        if (created.isEmpty()) {
            return;
        }
        Map<String, Long> companyOfAccount = new HashMap<>(companies.idsByAccounts(created.stream().map(p -> p.account.value()).distinct().toList()));
        Map<Long, Company> own = new HashMap<>();
        companies.findAll(created.stream().map(p -> changing.get(p.contactId).companyId()).distinct().toList())
                .forEach(c -> own.put(c.id(), c));
        List<Long> left = new ArrayList<>();
        for (ContactPlan p : created) {
            Contact c = changing.get(p.contactId);
            Long holder = companyOfAccount.get(p.account.value());
            Company company = own.get(c.companyId());
            if (holder != null) {
                long from = c.companyId();
                if (c.moveTo(holder, SystemSource.SALESFORCE, now)) {
                    left.add(from);
                    p.detail.put("company", "joined company " + holder + ", linked to Account " + p.account.value());
                }
            } else if (company != null && company.account() == null) {
                company.linkAccount(p.account);
                companyOfAccount.put(p.account.value(), company.id());
                p.detail.put("company", "company " + company.id() + " linked to Account " + p.account.value());
            }
        }
        contacts.flush();
        left.forEach(standalone::removeIfOrphaned);
    }

    /** Entries the API limits held back, back in the queue as they were. */
    public void putBack(Collection<Long> entryIds) {
        outbox.putBack(entryIds);
    }

    /** Entries that could not be sent this time (the org failed), back in the queue in their order, after a back-off. */
    public void release(Collection<Long> entryIds, int attempts, String code, String message) {
        outbox.retryLater(entryIds, attempts, code, message);
    }
}
