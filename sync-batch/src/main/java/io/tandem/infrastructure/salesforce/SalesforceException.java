package io.tandem.infrastructure.salesforce;

import io.tandem.domain.service.SalesforceFailure;

import java.util.List;
import java.util.Set;

/**
 * A call Salesforce refused, as its HTTP answer said: status, errorCode, message, fields. Transient are
 * 5xx, no answer at all, lock contention, limits, timeouts and expired sessions; anything else is the data's fault.
 */
public class SalesforceException extends SalesforceFailure {

    private static final Set<String> TRANSIENT = Set.of("UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE", "REQUEST_LIMIT_EXCEEDED",
            "QUERY_TIMEOUT", "UNKNOWN_EXCEPTION", "INVALID_SESSION_ID");

    private final int status;
    private final List<String> fields;

    public SalesforceException(int status, String errorCode, String message, List<String> fields) {
        super(errorCode, message, status >= 500 || status == 0 || TRANSIENT.contains(errorCode));
        this.status = status;
        this.fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public int status() {
        return status;
    }

    public List<String> fields() {
        return fields;
    }

    /** Whether a per-record error code of a write is worth trying again later (lock contention, limits). */
    public static boolean isTransientCode(String code) {
        return TRANSIENT.contains(code);
    }
}
