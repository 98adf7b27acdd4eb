package io.tandem.sync.outbound;

import io.tandem.domain.model.sync.SyncSettings;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.service.RecordWrite;
import io.tandem.domain.service.MappedFields;
import io.tandem.domain.service.SalesforceField;
import io.tandem.domain.service.ValueCheck;
import io.tandem.sync.SalesforceDescribes;
import io.tandem.domain.service.SalesforceGateway;

import io.tandem.domain.shared.SalesforceId;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One claim of entries being worked: the org, the settings and field modes in force, and the entries not
 * ended yet, whose lease is renewed after each batch and which go back to the queue if the round breaks.
 */
final class DrainRound {

    /** Records per Salesforce call: sObject Collections take 200. */
    static final int CALL = 200;

    final SalesforceGateway gateway;
    final SyncSettings settings;
    /** The mappings in force for the whole round. */
    final MappedFields mapped;
    final OutboundBatches batches;
    private final ApiLimits limits;
    private final SalesforceDescribes describes;
    private final Map<String, Map<String, SalesforceField>> described = new HashMap<>();
    private final Map<String, List<String>> campaignStatuses = new HashMap<>();
    private final Set<Long> held;

    DrainRound(SalesforceGateway gateway, SyncSettings settings, MappedFields mapped, SalesforceDescribes describes,
               OutboundBatches batches, ApiLimits limits, List<Outbox.Claimed> claimed) {
        this.describes = describes;
        this.gateway = gateway;
        this.settings = settings;
        this.mapped = mapped;
        this.batches = batches;
        this.limits = limits;
        this.held = new LinkedHashSet<>(claimed.stream().map(Outbox.Claimed::id).toList());
    }

    /** Applies and logs one batch, counts its calls, and keeps holding what is still to do. */
    void complete(String object, Instant started, int calls, List<ContactPlan> plans) {
        batches.complete(object, started, calls, plans);
        ended(calls, plans.stream().flatMap(p -> p.entryIds.stream()).toList());
    }

    /** After a batch another kind applied and logged itself: its calls counted, its entries no longer held. */
    void ended(int calls, java.util.Collection<Long> entryIds) {
        limits.record(calls);
        entryIds.forEach(held::remove);
        if (!held.isEmpty()) {
            batches.renew(OutboundDrain.INSTANCE, held);
        }
    }

    /** Ends entries that nothing sends as skipped, with why, in one log entry. */
    void skipAll(String object, List<Outbox.Claimed> entries, String why) {
        List<ContactPlan> plans = entries.stream().map(e -> {
            ContactPlan p = new ContactPlan(e.recordId());
            p.entryIds.add(e.id());
            return p.end(ContactPlan.Ending.SKIPPED, RecordOutcome.Outcome.SKIPPED, why);
        }).toList();
        complete(object, Instant.now(), 0, plans);
    }

    /**
     * Before each batch (§5): at the org's limit (less the reserve) or Tandem's own, nothing more is sent in
     * this round; what it holds goes back to the queue untouched and the next tick checks again.
     */
    void beforeCall() {
        String paused = limits.pausedReason(gateway, settings);
        if (paused != null) {
            throw new LimitReached(paused);
        }
    }

    /** The API limits stopped a round between two batches. */
    static final class LimitReached extends RuntimeException {
        LimitReached(String reason) {
            super(reason);
        }
    }

    /** The entries not ended yet, back in the queue untouched: the limits held them, nothing failed. */
    void putBack() {
        batches.putBack(List.copyOf(held));
    }

    /** The entries not ended yet, back in the queue with back-off. */
    void release(int attempts, String code, String message) {
        batches.release(List.copyOf(held), attempts, code, message);
    }

    /**
     * Writes records (one call, up to 200) and ends each plan by its result: sent, with the outcome and
     * reason given, or as {@link ContactPlan#failed} says. A created record's plan is linked to its new id.
     * Answers how many were written.
     */
    int write(List<RecordWrite> records, List<ContactPlan> plans, RecordOutcome.Outcome outcome, Function<ContactPlan, String> reason) {
        if (records.isEmpty()) {
            return 0;
        }
        boolean create = records.get(0).isCreate();
        List<SalesforceGateway.SaveResult> results = gateway.save(records);
        int written = 0;
        for (int i = 0; i < plans.size(); i++) {
            ContactPlan plan = plans.get(i);
            SalesforceGateway.SaveResult r = results.get(i);
            if (!r.success()) {
                plan.failed(r);
                describes.forgetIfFieldsChanged(r.errorCode());
                continue;
            }
            if (create) {
                plan.salesforceId = r.id();
                plan.linkTo = SalesforceId.of(r.id());
            }
            plan.end(ContactPlan.Ending.SENT, outcome, reason.apply(plan));
            written++;
        }
        return written;
    }

    /** A Salesforce campaign's member status labels, as Salesforce spells them, in their order: read once a round (one call). */
    List<String> campaignStatusLabels(String campaignId) {
        return campaignStatuses.computeIfAbsent(campaignId, id -> gateway.campaignStatuses(id).stream()
                .map(SalesforceGateway.CampaignStatus::label).toList());
    }

    /** The object's fields as the org describes them (cached for a day; one call when not). */
    Map<String, SalesforceField> described(String object) {
        return described.computeIfAbsent(object, o -> describes.fields(gateway, o));
    }

    /**
     * Values Salesforce would refuse (too long, not in a restricted picklist, a required field empty, …)
     * park the record as failed with why, at no call's cost; a replay sends it once the data or the
     * mapping is fixed. Answers whether it was parked.
     */
    boolean refusedBeforeSending(ContactPlan plan, String object, Map<String, Object> fields, boolean creating) {
        List<String> problems = ValueCheck.problems(object, fields, creating, described(object));
        if (problems.isEmpty()) {
            return false;
        }
        plan.exchanged.clear();
        plan.detail.remove("sent");
        plan.detail.put("problems", problems);
        plan.end(ContactPlan.Ending.FAILED, RecordOutcome.Outcome.FAILED,
                "not sent: Salesforce would refuse " + (problems.size() == 1 ? "it" : "them") + ": " + String.join("; ", problems));
        return true;
    }

    int callsSince(long before) {
        return (int) (gateway.callsSent() - before);
    }
}
