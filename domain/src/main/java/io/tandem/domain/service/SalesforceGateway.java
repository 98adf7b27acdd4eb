package io.tandem.domain.service;

import io.tandem.domain.model.sync.Watermark;

import java.util.List;
import java.util.Map;

/** What the sync needs from Salesforce, in domain words. */
public interface SalesforceGateway {

    /** One page of changes after the watermark, oldest first, deleted and merged records included. */
    record Changes(List<SalesforceRecord> records, Watermark next, boolean more) {
    }

    Changes changedSince(String object, List<String> fields, Watermark after, int limit);

    /** Which of these objects changed after their watermarks, asked in one API call whatever their number. */
    Map<String, Boolean> anyChanges(Map<String, Watermark> watermarks);

    /** API requests of the org in the rolling 24 hours as last reported: used and max; -1s when unknown. */
    long[] apiUsage();
}
