package io.tandem.sync.outbound;

import io.tandem.domain.model.activity.ContactEvent;
import io.tandem.domain.model.activity.EventSettings;
import io.tandem.domain.model.activity.EventTask;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.RecordOutcome.Outcome;
import io.tandem.domain.model.sync.RecordType;
import io.tandem.domain.service.RecordWrite;
import io.tandem.sync.outbound.ContactPlan.Ending;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Marketing events to Salesforce (§7): each one a completed Task on its contact's Lead or Contact, up to
 * 200 a call, after the contacts in a claim. An event of a contact not linked yet waits for the link; one
 * whose contact is not synced at all (created with sync=skip) is parked until the contact is pushed and the
 * event replayed. At most one Task an event: an entry that may have reached Salesforce before (its drain
 * died, or the call failed without an answer) first looks for the Task its mark names (one query for the
 * batch) and keeps that one instead of making another.
 */
@ApplicationScoped
public class EventOutbound implements OutboundKind {

    @Inject
    EventBatches batches;

    @Override
    public RecordType kind() {
        return RecordType.EVENT;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public int send(DrainRound round, List<Outbox.Claimed> entries) {
        Map<Long, ItemPlan> plans = ItemPlan.of(entries);
        Map<Long, ContactEvent> found = batches.load(List.copyOf(plans.keySet()));
        Map<Long, Contact> contacts = new HashMap<>();
        round.batches.load(found.values().stream().map(ContactEvent::contactId).distinct().toList()).contacts().forEach(contacts::put);
        EventSettings settings = batches.settings();
        List<ItemPlan> ready = new ArrayList<>();
        List<ItemPlan> ended = new ArrayList<>();
        for (ItemPlan p : plans.values()) {
            ContactEvent e = found.get(p.recordId);
            Contact c = e == null ? null : contacts.get(e.contactId());
            if (e == null || c == null) {
                ended.add(p.end(Ending.SKIPPED, Outcome.SKIPPED, "the event or its contact was deleted"));
                continue;
            }
            p.contactId = c.id();
            if (e.isPushed()) {
                p.salesforceId = e.taskId();
                ended.add(p.end(Ending.SKIPPED, Outcome.UNCHANGED, "its Task " + e.taskId() + " was made already"));
            } else if (!c.salesforce().isLinked() && !c.isSyncedOutbound()) {
                p.errorCode = "CONTACT_NOT_SYNCED";
                ended.add(p.end(Ending.FAILED, Outcome.FAILED, "the contact is not synced to Salesforce (made with sync=skip): "
                        + "push it, then replay this event"));
            } else if (!c.salesforce().isLinked()) {
                p.errorCode = "CONTACT_NOT_LINKED";
                ended.add(p.end(Ending.RETRY, Outcome.SKIPPED, "waits for its contact to be linked to a Lead or Contact (the contact goes first)"));
            } else {
                ready.add(p);
            }
        }
        if (!ended.isEmpty()) {
            batches.complete(Instant.now(), 0, ended);
            round.ended(0, ended.stream().flatMap(p -> p.entryIds.stream()).toList());
        }
        int sent = 0;
        for (int from = 0; from < ready.size(); from += DrainRound.CALL) {
            round.beforeCall();
            List<ItemPlan> part = ready.subList(from, Math.min(ready.size(), from + DrainRound.CALL));
            Instant started = Instant.now();
            long before = round.gateway.callsSent();
            List<ItemPlan> creating = new ArrayList<>(part);
            List<ItemPlan> uncertain = part.stream().filter(p -> p.maybeSent).toList();
            if (!uncertain.isEmpty()) {
                creating.removeAll(alreadyThere(round, uncertain, found, contacts));
            }
            sent += ItemPlan.write(round, creating, p -> RecordWrite.create("Task", EventTask.fields(found.get(p.recordId),
                    contacts.get(p.contactId).salesforce().id().value(), settings.taskSubtype())), Outcome.CREATED, "Task made");
            batches.complete(started, round.callsSince(before), part);
            round.ended(round.callsSince(before), part.stream().flatMap(p -> p.entryIds.stream()).toList());
        }
        return sent;
    }

    /** Of events an earlier try may have pushed, those whose Task is there (one query), ended with it: answers them. */
    private static List<ItemPlan> alreadyThere(DrainRound round, List<ItemPlan> uncertain, Map<Long, ContactEvent> found,
                                               Map<Long, Contact> contacts) {
        Instant since = uncertain.stream().map(p -> found.get(p.recordId).createdAt()).min(Instant::compareTo).orElseThrow().minusSeconds(60);
        Map<String, String> tasks = round.gateway.tasksMarked(uncertain.stream().map(p -> contacts.get(p.contactId).salesforce().id().value())
                .distinct().toList(), EventTask.MARK, since);
        List<ItemPlan> there = new ArrayList<>();
        for (ItemPlan p : uncertain) {
            String task = tasks.get(EventTask.subject(found.get(p.recordId)));
            if (task != null) {
                p.salesforceId = task;
                p.end(Ending.SENT, Outcome.UNCHANGED, "its Task " + task + " was made by an earlier try; none made again");
                there.add(p);
            }
        }
        return there;
    }
}
