package io.tandem.sync.outbound;

import io.tandem.domain.model.action.ActionKind;
import io.tandem.domain.model.action.ActionParameters;
import io.tandem.domain.model.action.ActionTarget;
import io.tandem.domain.model.action.ActionTask;
import io.tandem.domain.model.action.SalesforceAction;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.SalesforceLink;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.RecordOutcome.Outcome;
import io.tandem.domain.model.sync.RecordType;
import io.tandem.domain.service.RecordWrite;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.sync.outbound.ContactPlan.Ending;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Salesforce actions' targets (§7), after the contacts, campaign members and events of a claim. A target
 * whose contact is not linked yet waits for the link (a push action queues the contact first); then, 200 a
 * call: a Task made on the Lead or Contact (its owner read first when the action gives the Task to the
 * record's owner; a try that may have reached Salesforce before looks for its Task by its mark); a Lead
 * given to the queue (sent with {@code Sforce-Auto-Assign: FALSE}, so an assignment rule does not take it
 * back; a Contact cannot be queued and fails with why); a member added to the Salesforce campaign with the
 * status, which the campaign must have (else that target fails with the statuses it has).
 */
@ApplicationScoped
public class ActionOutbound implements OutboundKind {

    @Inject
    ActionBatches batches;

    @Override
    public RecordType kind() {
        return RecordType.ACTION;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public int send(DrainRound round, List<Outbox.Claimed> entries) {
        Map<Long, ItemPlan> plans = ItemPlan.of(entries);
        ActionBatches.Loaded loaded = batches.load(List.copyOf(plans.keySet()));
        Map<Long, Contact> contacts = new HashMap<>();
        round.batches.load(loaded.targets().values().stream().map(ActionTarget::contactId).distinct().toList()).contacts().forEach(contacts::put);
        List<ItemPlan> ended = new ArrayList<>();
        List<Long> toPush = new ArrayList<>();
        // calls go in the order their first entries were queued: a workflow's steps one after the other
        Map<String, List<ItemPlan>> groups = new LinkedHashMap<>();
        Map<Long, SalesforceAction> actionOf = new HashMap<>();
        for (ItemPlan p : plans.values()) {
            ActionTarget t = loaded.targets().get(p.recordId);
            SalesforceAction a = t == null ? null : loaded.actions().get(t.actionId());
            Contact c = t == null ? null : contacts.get(t.contactId());
            if (a == null || c == null) {
                ended.add(p.end(Ending.SKIPPED, Outcome.SKIPPED, "the action or its contact was deleted"));
                continue;
            }
            p.contactId = c.id();
            p.detail.put("action", a.id());
            actionOf.put(p.recordId, a);
            SalesforceLink link = c.salesforce();
            if (!link.isLinked()) {
                if (a.kind() == ActionKind.PUSH && !c.isSyncedOutbound()) {
                    toPush.add(c.id());
                    p.errorCode = "CONTACT_NOT_LINKED";
                    ended.add(p.end(Ending.RETRY, Outcome.SKIPPED, "pushed: waits for the contact's link"));
                } else if (c.isSyncedOutbound()) {
                    p.errorCode = "CONTACT_NOT_LINKED";
                    ended.add(p.end(Ending.RETRY, Outcome.SKIPPED, "waits for its contact to be linked to a Lead or Contact (the contact goes first)"));
                } else {
                    p.errorCode = "CONTACT_NOT_SYNCED";
                    ended.add(p.end(Ending.FAILED, Outcome.FAILED, "the contact is not synced to Salesforce (made with sync=skip): push it, "
                            + "then replay"));
                }
                continue;
            }
            switch (a.kind()) {
                case PUSH -> {
                    p.salesforceId = link.id().value();
                    ended.add(p.end(Ending.SENT, Outcome.UNCHANGED, "in Salesforce as " + name(link.type()) + " " + link.id().value()));
                }
                case TASK -> groups.computeIfAbsent("task " + a.id(), k -> new ArrayList<>()).add(p);
                case QUEUE -> {
                    if (link.type() != SalesforceLink.Type.LEAD) {
                        p.errorCode = "NOT_A_LEAD";
                        ended.add(p.end(Ending.FAILED, Outcome.FAILED, "a queue takes Leads; this contact is linked to " + name(link.type())
                                + " " + link.id().value()));
                    } else {
                        groups.computeIfAbsent("queue " + a.parameters().text("queueId"), k -> new ArrayList<>()).add(p);
                    }
                }
                case CAMPAIGN -> groups.computeIfAbsent("campaign " + a.parameters().text("salesforceCampaignId"), k -> new ArrayList<>()).add(p);
            }
        }
        if (!toPush.isEmpty()) {
            batches.push(toPush);
        }
        if (!ended.isEmpty()) {
            batches.complete("Action", Instant.now(), 0, ended);
            round.ended(0, ended.stream().flatMap(p -> p.entryIds.stream()).toList());
        }
        int sent = 0;
        for (Map.Entry<String, List<ItemPlan>> g : groups.entrySet()) {
            String kind = g.getKey().substring(0, g.getKey().indexOf(' '));
            String key = g.getKey().substring(kind.length() + 1);
            sent += switch (kind) {
                case "task" -> inCalls(round, g.getValue(), "Task", part -> tasks(round, part, actionOf, contacts));
                case "queue" -> inCalls(round, g.getValue(), "Lead", part -> ItemPlan.write(round, part, p -> RecordWrite.update("Lead",
                        who(contacts, p), Map.of("OwnerId", key)), Outcome.UPDATED, "given to queue " + key));
                default -> inCalls(round, g.getValue(), "CampaignMember", part -> campaign(round, key, part, actionOf, contacts));
            };
        }
        return sent;
    }

    /** The plans in calls of up to 200, each call's outcome logged and ended. */
    private int inCalls(DrainRound round, List<ItemPlan> plans, String object, java.util.function.ToIntFunction<List<ItemPlan>> call) {
        int sent = 0;
        for (int from = 0; from < plans.size(); from += DrainRound.CALL) {
            round.beforeCall();
            List<ItemPlan> part = plans.subList(from, Math.min(plans.size(), from + DrainRound.CALL));
            Instant started = Instant.now();
            long before = round.gateway.callsSent();
            sent += call.applyAsInt(part);
            batches.complete(object, started, round.callsSince(before), part);
            round.ended(round.callsSince(before), part.stream().flatMap(p -> p.entryIds.stream()).toList());
        }
        return sent;
    }

    /** Up to 200 Tasks of one action: the records' owners read when the action asks for them, Tasks an earlier try made found, the rest made. */
    private static int tasks(DrainRound round, List<ItemPlan> part, Map<Long, SalesforceAction> actionOf, Map<Long, Contact> contacts) {
        SalesforceAction action = actionOf.get(part.get(0).recordId);
        ActionParameters params = action.parameters();
        Map<String, String> owners = ActionTask.ownedByRecordOwner(params) ? owners(round, part, contacts) : Map.of();
        List<ItemPlan> creating = new ArrayList<>(part);
        List<ItemPlan> uncertain = part.stream().filter(p -> p.maybeSent).toList();
        if (!uncertain.isEmpty()) {
            Map<String, String> there = round.gateway.tasksMarked(uncertain.stream().map(p -> who(contacts, p)).distinct().toList(),
                    ActionTask.MARK, action.createdAt().minusSeconds(60));
            for (ItemPlan p : uncertain) {
                String task = there.get(ActionTask.subject(params, p.recordId));
                if (task != null) {
                    p.salesforceId = task;
                    p.end(Ending.SENT, Outcome.UNCHANGED, "its Task " + task + " was made by an earlier try; none made again");
                    creating.remove(p);
                }
            }
        }
        return ItemPlan.write(round, creating, p -> RecordWrite.create("Task", ActionTask.fields(params, p.recordId, who(contacts, p),
                owners.get(who(contacts, p)))), Outcome.CREATED, "Task made");
    }

    /** The Leads' and Contacts' owners (one retrieve call per object). */
    private static Map<String, String> owners(DrainRound round, List<ItemPlan> part, Map<Long, Contact> contacts) {
        Map<String, List<String>> byObject = new LinkedHashMap<>();
        for (ItemPlan p : part) {
            SalesforceLink link = contacts.get(p.contactId).salesforce();
            byObject.computeIfAbsent(name(link.type()), k -> new ArrayList<>()).add(link.id().value());
        }
        Map<String, String> owners = new HashMap<>();
        byObject.forEach((object, ids) -> {
            for (SalesforceRecord r : round.gateway.retrieve(object, ids, List.of("OwnerId"))) {
                if (r != null && r.fields().get("OwnerId") != null) {
                    owners.put(r.id(), r.fields().get("OwnerId").toString());
                }
            }
        });
        return owners;
    }

    /** Up to 200 members of one Salesforce campaign, in the status each action gives (which the campaign must have). */
    private static int campaign(DrainRound round, String campaignId, List<ItemPlan> part, Map<Long, SalesforceAction> actionOf,
                                Map<Long, Contact> contacts) {
        Map<String, String> statuses = CampaignMemberOutbound.statuses(round, campaignId, new HashMap<>());
        Map<ItemPlan, String> statusOf = new HashMap<>();
        List<ItemPlan> creating = new ArrayList<>();
        for (ItemPlan p : part) {
            String asked = actionOf.get(p.recordId).parameters().text("status");
            String label = asked == null ? null : statuses.get(asked.toLowerCase(Locale.ROOT));
            if (asked != null && label == null) {
                p.errorCode = "STATUS_NOT_IN_CAMPAIGN";
                p.end(Ending.FAILED, Outcome.FAILED, "the Salesforce campaign has no member status \"" + asked + "\" (it has "
                        + String.join(", ", round.campaignStatusLabels(campaignId)) + ")");
                continue;
            }
            statusOf.put(p, label);
            creating.add(p);
        }
        return CampaignMemberOutbound.create(round, campaignId, creating, contacts, statusOf::get);
    }

    private static String who(Map<Long, Contact> contacts, ItemPlan p) {
        return contacts.get(p.contactId).salesforce().id().value();
    }

    private static String name(SalesforceLink.Type type) {
        return type == SalesforceLink.Type.LEAD ? "Lead" : "Contact";
    }
}
