package io.tandem.sync.outbound;

import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.shared.SalesforceId;
import io.tandem.domain.model.sync.RecordOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one drain batch does to one contact, built while talking to Salesforce and applied in one
 * transaction afterwards: the entries it covers, the link it gets, the values Salesforce now holds
 * (new bases), and the outcome for the log and the entries.
 */
public final class ContactPlan {

    /** How the entries end. */
    enum Ending { SENT, FAILED, SKIPPED, RETRY }

    /** The contact's id, or the company's for a company's plan. */
    final long contactId;
    boolean company;
    final List<Long> entryIds = new ArrayList<>();
    final Map<String, Object> exchanged = new LinkedHashMap<>();
    final Map<String, Object> detail = new LinkedHashMap<>();
    SalesforceId linkTo;
    /** The Account a new Contact was created under: the contact's company links to it, or joins the company linked to it. */
    SalesforceId account;
    boolean deletedInSalesforce;
    Ending ending = Ending.SKIPPED;
    RecordOutcome.Outcome outcome = RecordOutcome.Outcome.SKIPPED;
    String salesforceId;
    String object;
    String reason;
    String errorCode;

    ContactPlan(long contactId) {
        this.contactId = contactId;
    }

    ContactPlan end(Ending how, RecordOutcome.Outcome as, String why) {
        this.ending = how;
        this.outcome = as;
        this.reason = why;
        return this;
    }

    RecordOutcome toOutcome() {
        return company ? new RecordOutcome(salesforceId, null, contactId, outcome, reason, detail)
                : new RecordOutcome(salesforceId, contactId, null, outcome, reason, detail);
    }

    /** Salesforce refused this record: retried later, cleared when deleted there, else parked as failed. */
    void failed(SalesforceGateway.SaveResult r) {
        exchanged.clear();
        detail.remove("sent");
        errorCode = r.errorCode();
        detail.put("error", r.errorCode() + ": " + r.message());
        if (r.transientError()) {
            end(Ending.RETRY, RecordOutcome.Outcome.FAILED, "Salesforce answered " + r.errorCode() + " (" + r.message() + "); tried again later");
        } else if ("ENTITY_IS_DELETED".equals(r.errorCode())) {
            deletedInSalesforce = true;
            end(Ending.SKIPPED, RecordOutcome.Outcome.DELETED, "deleted in Salesforce: link cleared, not created again");
        } else {
            end(Ending.FAILED, RecordOutcome.Outcome.FAILED, r.errorCode() + ": " + r.message());
        }
    }
}
