package io.tandem.sync.outbound;

import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.SalesforceLink;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.OutboxEntry;
import io.tandem.domain.model.sync.RecordOutcome.Outcome;
import io.tandem.domain.model.sync.RecordType;
import io.tandem.domain.service.SalesforceObjects;
import io.tandem.sync.outbound.ContactPlan.Ending;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Contact changes: coalesced per contact (the fields changed by all its entries), then linked Leads,
 * linked Contacts and contacts not linked yet, each written per 200 ({@link ContactWrites}).
 */
@ApplicationScoped
public class ContactOutbound implements OutboundKind {

    @Override
    public RecordType kind() {
        return RecordType.CONTACT;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public int send(DrainRound round, List<Outbox.Claimed> entries) {
        Map<Long, ContactPlan> plans = new LinkedHashMap<>();
        Map<Long, Set<String>> changed = new HashMap<>();
        for (Outbox.Claimed e : entries) {
            ContactPlan plan = plans.computeIfAbsent(e.recordId(), ContactPlan::new);
            plan.entryIds.add(e.id());
            if (e.entry().operation() == OutboxEntry.Operation.DELETE) {
                plan.end(Ending.SKIPPED, Outcome.SKIPPED, "deleted here; local deletes are not sent to Salesforce");
            }
            changed.computeIfAbsent(e.recordId(), k -> new LinkedHashSet<>()).addAll(e.entry().fields());
        }
        if (!round.settings.writes(RecordType.CONTACT)) {
            round.complete(SalesforceObjects.CONTACT, Instant.now(), 0, plans.values().stream()
                    .map(p -> p.end(Ending.SKIPPED, Outcome.SKIPPED, "writing contacts to Salesforce is off")).toList());
            return 0;
        }
        OutboundBatches.Loaded loaded = round.batches.load(plans.keySet());
        List<ContactPlan> leads = new ArrayList<>();
        List<ContactPlan> contactsLinked = new ArrayList<>();
        List<ContactPlan> unlinked = new ArrayList<>();
        List<ContactPlan> done = new ArrayList<>();
        for (ContactPlan plan : plans.values()) {
            Contact c = loaded.contacts().get(plan.contactId);
            if (plan.reason != null) {
                done.add(plan);
            } else if (c == null) {
                done.add(plan.end(Ending.SKIPPED, Outcome.SKIPPED, "the contact no longer exists here"));
            } else if (c.salesforce().isLinked()) {
                (c.salesforce().type() == SalesforceLink.Type.LEAD ? leads : contactsLinked).add(plan);
            } else if (c.salesforce().isDeleted()) {
                done.add(plan.end(Ending.SKIPPED, Outcome.SKIPPED, "deleted in Salesforce; not created there again automatically"));
            } else {
                unlinked.add(plan);
            }
        }
        if (!done.isEmpty()) {
            round.complete(SalesforceObjects.CONTACT, Instant.now(), 0, done);
        }
        int sent = ContactWrites.linked(round, SalesforceObjects.LEAD, leads, loaded, changed);
        sent += ContactWrites.linked(round, SalesforceObjects.CONTACT, contactsLinked, loaded, changed);
        sent += ContactWrites.unlinked(round, unlinked, loaded);
        return sent;
    }
}
