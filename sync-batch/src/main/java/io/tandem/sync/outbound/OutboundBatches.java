package io.tandem.sync.outbound;

import io.tandem.domain.model.company.Company;
import io.tandem.domain.model.company.CompanyRepository;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.sync.log.RecordOutcome;
import io.tandem.sync.log.SyncLogWriter;
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
    OutboxLedger ledger;
    @Inject
    ContactRepository contacts;
    @Inject
    CompanyRepository companies;
    @Inject
    SyncLogWriter log;

    public List<OutboxLedger.Claimed> claim(String instance, int max) {
        return ledger.claim(instance, max, Duration.ofMinutes(5));
    }

    public Loaded load(Collection<Long> contactIds) {
        Map<Long, Contact> found = new HashMap<>();
        for (Long id : contactIds) {
            contacts.find(id).ifPresent(c -> found.put(id, c));
        }
        Map<Long, Company> companiesById = new HashMap<>();
        companies.findAll(found.values().stream().map(Contact::companyId).distinct().toList())
                .forEach(c -> companiesById.put(c.id(), c));
        return new Loaded(found, companiesById);
    }

    /** Applies one batch's plans and logs it as one entry; answers the log entry's id. */
    public void complete(String object, Instant startedAt, int apiCalls, List<ContactPlan> plans) {
        Instant now = Instant.now();
        List<RecordOutcome> outcomes = new ArrayList<>(plans.size());
        for (ContactPlan p : plans) {
            if (p.linkTo != null || p.deletedInSalesforce || !p.exchanged.isEmpty()) {
                contacts.find(p.contactId).ifPresent(c -> {
                    if (p.linkTo != null && !p.linkTo.equals(c.salesforce().id())) {
                        c.linkTo(p.linkTo, now);
                    }
                    if (p.deletedInSalesforce) {
                        c.deletedInSalesforce();
                    }
                    c.exchanged(p.exchanged, now);
                });
            }
            outcomes.add(p.toOutcome());
        }
        contacts.flush();
        long logId = log.write(new SyncLogWriter.Entry("OUTBOUND", object, "drain", startedAt, "COMPLETED", apiCalls, null), outcomes);
        for (ContactPlan p : plans) {
            switch (p.ending) {
                case SENT -> ledger.finish(p.entryIds, "SENT", null, null, logId);
                case SKIPPED -> ledger.finish(p.entryIds, "SKIPPED", null, p.reason, logId);
                case FAILED -> ledger.finish(p.entryIds, "FAILED", p.errorCode, p.reason, logId);
                case RETRY -> ledger.retryLater(p.entryIds, 0, p.errorCode, p.reason);
            }
        }
    }

    /** Entries that could not be sent this time (the org failed, or limits), back in the queue in their order. */
    public void release(Collection<Long> entryIds, int attempts, String code, String message) {
        ledger.retryLater(entryIds, attempts, code, message);
    }

    /** Ends entries that need no call at all (company entries without an Account, write turned off). */
    public void skip(Collection<Long> entryIds, String why) {
        ledger.finish(entryIds, "SKIPPED", null, why, null);
    }
}
