package io.tandem.sync.outbound;

import io.tandem.domain.model.sync.RecordOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one drain batch does to one campaign member: created, updated or removed there, or why not. */
public final class MemberPlan {

    final long memberId;
    final List<Long> entryIds = new ArrayList<>();
    final Map<String, Object> detail = new LinkedHashMap<>();
    long contactId;
    /** The CampaignMember there: known, found, or made by this batch. */
    String salesforceId;
    boolean removed;
    ContactPlan.Ending ending = ContactPlan.Ending.SKIPPED;
    RecordOutcome.Outcome outcome = RecordOutcome.Outcome.SKIPPED;
    String reason;
    String errorCode;
    /** Set when the member waits for its campaign's lock pause: back in the queue from then on. */
    java.time.Instant waitUntil;

    MemberPlan(long memberId) {
        this.memberId = memberId;
    }

    MemberPlan end(ContactPlan.Ending how, RecordOutcome.Outcome as, String why) {
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
    void lockRefused(String message, java.time.Instant until) {
        errorCode = CampaignMemberOutbound.LOCKED;
        waitUntil = until;
        detail.put("error", CampaignMemberOutbound.LOCKED + ": " + message);
        end(ContactPlan.Ending.RETRY, RecordOutcome.Outcome.FAILED, CampaignMemberOutbound.LOCKED + ": " + message
                + "; the campaign's members wait until " + until + " and go on in their order");
    }

    RecordOutcome toOutcome() {
        return new RecordOutcome(salesforceId, contactId, null, outcome, reason, detail);
    }
}
