package io.tandem.domain.service;

import java.time.Instant;
import java.util.Map;

/**
 * A Salesforce record as the sync sees it: its object and id, its stamps, whether it is deleted (and
 * into which record it was merged), and the requested fields by API name (text, numbers, booleans,
 * parent ids; relationship paths like {@code Account.Website} as their own keys).
 */
public record SalesforceRecord(String object, String id, Instant systemModstamp, Instant lastModifiedDate, boolean deleted,
                               String masterRecordId, Map<String, Object> fields) {
}
