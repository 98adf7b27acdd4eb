package io.tandem.domain.model.sync;

import java.util.Map;

/**
 * What a sync batch did with one record: its Salesforce id, the Tandem contact or company, the
 * outcome, why, and the detail (fields received, sent or skipped, conflicts).
 */
public record RecordOutcome(String salesforceId, Long contactId, Long companyId, Outcome outcome, String reason,
                            Map<String, Object> detail) {

    /** The outcomes a record can have. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED, DELETED }

    public static RecordOutcome skipped(String salesforceId, Long contactId, String reason) {
        return new RecordOutcome(salesforceId, contactId, null, Outcome.SKIPPED, reason, Map.of());
    }

    public static RecordOutcome failed(String salesforceId, Long contactId, String reason) {
        return new RecordOutcome(salesforceId, contactId, null, Outcome.FAILED, reason, Map.of());
    }

    public boolean hasConflicts() {
        return detail.containsKey("conflicts");
    }
}
