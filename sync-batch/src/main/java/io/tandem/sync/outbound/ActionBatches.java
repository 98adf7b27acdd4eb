package io.tandem.sync.outbound;

import io.tandem.domain.model.action.ActionRepository;
import io.tandem.domain.model.action.ActionTarget;
import io.tandem.domain.model.action.SalesforceAction;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.OutboxEntry;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.SyncLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The transactions of the drain's actions: their targets and actions read; a batch's outcome kept on each
 * target (done with the record Salesforce made or changed, failed with its words, waiting), logged, and its
 * entries ended; a contact kept back pushed for a push action.
 */
@Stateless
public class ActionBatches {

    @Inject
    ActionRepository actions;
    @Inject
    ContactRepository contacts;
    @Inject
    SyncLog log;
    @Inject
    Outbox outbox;

    /** Targets by id, and their actions by id. */
    public record Loaded(Map<Long, ActionTarget> targets, Map<Long, SalesforceAction> actions) {
    }

    public Loaded load(List<Long> targetIds) {
        Map<Long, ActionTarget> targets = new HashMap<>();
        actions.findTargets(targetIds).forEach(t -> targets.put(t.id(), t));
        Map<Long, SalesforceAction> byId = new HashMap<>();
        actions.findAll(targets.values().stream().map(ActionTarget::actionId).distinct().toList()).forEach(a -> byId.put(a.id(), a));
        return new Loaded(targets, byId);
    }

    /** Queues contacts kept back (sync=skip) for Salesforce, with every field they have: a push action's first half. */
    public void push(List<Long> contactIds) {
        Instant now = Instant.now();
        List<OutboxEntry> entries = new ArrayList<>();
        for (Contact c : contacts.findAll(contactIds)) {
            c.pushToSalesforce();
            entries.add(OutboxEntry.contact(c.id(), OutboxEntry.Operation.UPSERT, c.populatedFields(), io.tandem.domain.model.contact.SystemSource.API, now));
        }
        outbox.enqueue(entries);
    }

    public void complete(String object, Instant startedAt, int apiCalls, List<ItemPlan> plans) {
        Map<Long, ActionTarget> targets = new HashMap<>();
        actions.findTargets(plans.stream().map(p -> p.recordId).toList()).forEach(t -> targets.put(t.id(), t));
        Instant now = Instant.now();
        List<RecordOutcome> outcomes = new ArrayList<>(plans.size());
        for (ItemPlan p : plans) {
            ActionTarget t = targets.get(p.recordId);
            if (t != null) {
                switch (p.ending) {
                    case SENT -> t.done(p.salesforceId, p.reason, now);
                    case FAILED -> t.failed(p.errorCode, p.reason, now);
                    case SKIPPED -> t.skipped(p.reason, now);
                    case RETRY -> t.waiting(p.errorCode, p.reason, now);
                }
            }
            outcomes.add(p.toOutcome());
        }
        ItemPlan.logAndEnd(log, outbox, object, startedAt, apiCalls, plans, outcomes);
    }
}
