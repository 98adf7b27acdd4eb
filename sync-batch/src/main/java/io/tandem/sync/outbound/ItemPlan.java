package io.tandem.sync.outbound;

import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.SyncLog;

import java.time.Instant;

import io.tandem.domain.model.sync.RecordOutcome.Outcome;
import io.tandem.domain.service.RecordWrite;
import io.tandem.domain.service.SalesforceGateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one drain batch does to one record of a kind that is not a contact (a campaign member, an event, an
 * action's contact): made, changed or removed there, or why not, and how its outbox entries end.
 */
public final class ItemPlan {

    final long recordId;
    final List<Long> entryIds = new ArrayList<>();
    final Map<String, Object> detail = new LinkedHashMap<>();
    long contactId;
    /** The record there: known, found, or made by this batch. */
    String salesforceId;
    /** A campaign member removed here (its removal is what goes). */
    boolean removed;
    ContactPlan.Ending ending = ContactPlan.Ending.SKIPPED;
    RecordOutcome.Outcome outcome = RecordOutcome.Outcome.SKIPPED;
    String reason;
    String errorCode;
    /** Whether an earlier try may have written it to Salesforce already (see {@link Outbox.Claimed#maybeSent()}). */
    boolean maybeSent;
    /** Set when the member waits for its campaign's lock pause: back in the queue from then on. */
    Instant waitUntil;

    ItemPlan(long recordId) {
        this.recordId = recordId;
    }

    /** The claimed entries as one plan per record, in the order of their first entries. */
    static Map<Long, ItemPlan> of(List<Outbox.Claimed> entries) {
        Map<Long, ItemPlan> plans = new LinkedHashMap<>();
        for (Outbox.Claimed e : entries) {
            ItemPlan p = plans.computeIfAbsent(e.recordId(), ItemPlan::new);
            p.entryIds.add(e.id());
            p.maybeSent |= e.maybeSent();
        }
        return plans;
    }

    ItemPlan end(ContactPlan.Ending how, RecordOutcome.Outcome as, String why) {
        ending = how;
        outcome = as;
        reason = why;
        return this;
    }

    /** Salesforce refused it: tried again later when that passes, else parked as failed with Salesforce's words. */
    void failed(String code, String message, boolean transientError) {
        errorCode = code;
        detail.put("error", code + ": " + message);
        end(transientError ? ContactPlan.Ending.RETRY : ContactPlan.Ending.FAILED, RecordOutcome.Outcome.FAILED,
                code + ": " + message + (transientError ? "; tried again later" : ""));
    }

    /** Salesforce could not lock the campaign: this member waits with the rest of the campaign's until {@code until}. */
    void lockRefused(String message, Instant until) {
        errorCode = CampaignMemberOutbound.LOCKED;
        waitUntil = until;
        detail.put("error", CampaignMemberOutbound.LOCKED + ": " + message);
        end(ContactPlan.Ending.RETRY, RecordOutcome.Outcome.FAILED, CampaignMemberOutbound.LOCKED + ": " + message
                + "; the campaign's members wait until " + until + " and go on in their order");
    }

    /**
     * One batch's sync-log entry and its entries' endings, in the caller's transaction: sent ones in one
     * statement, a member waiting out its campaign's lock pause back in the queue until then, the others as
     * their plans say.
     */
    static void logAndEnd(SyncLog log, Outbox outbox, String object,
                          Instant startedAt, int apiCalls, List<ItemPlan> plans, List<RecordOutcome> outcomes) {
        long logId = log.write(new SyncLog.Batch("OUTBOUND", object, "drain", startedAt, "COMPLETED", apiCalls, null),
                outcomes);
        List<Long> sent = new ArrayList<>();
        for (ItemPlan p : plans) {
            if (p.waitUntil != null && p.ending == ContactPlan.Ending.RETRY) {
                outbox.holdUntil(p.entryIds, p.waitUntil, p.errorCode, p.reason);
            } else {
                OutboundBatches.end(outbox, logId, sent, p.ending, p.entryIds, p.errorCode, p.reason);
            }
        }
        outbox.sent(sent, logId);
    }

    RecordOutcome toOutcome() {
        return new RecordOutcome(salesforceId, contactId, null, outcome, reason, detail);
    }

    /** One call for these plans' records; each plan ends by its result. */
    static int write(DrainRound round, List<ItemPlan> plans, Function<ItemPlan, RecordWrite> record, Outcome outcome, String reason) {
        if (plans.isEmpty()) {
            return 0;
        }
        List<SalesforceGateway.SaveResult> results = round.gateway.save(plans.stream().map(record).collect(Collectors.toList()));
        int written = 0;
        for (int i = 0; i < plans.size(); i++) {
            ItemPlan p = plans.get(i);
            SalesforceGateway.SaveResult r = results.get(i);
            if (r.success()) {
                if (r.id() != null) {
                    p.salesforceId = r.id();
                }
                p.end(ContactPlan.Ending.SENT, outcome, reason);
                written++;
            } else {
                p.failed(r.errorCode(), r.message(), r.transientError());
            }
        }
        return written;
    }
}
