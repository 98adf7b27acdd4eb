package io.tandem.infrastructure.salesforce;

import java.util.List;
import java.util.Set;

/** A call Salesforce refused: HTTP status, errorCode, message, fields; says whether trying again can help. */
public class SalesforceException extends RuntimeException {

    private static final Set<String> TRANSIENT = Set.of("UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE", "REQUEST_LIMIT_EXCEEDED",
            "QUERY_TIMEOUT", "UNKNOWN_EXCEPTION", "INVALID_SESSION_ID");

    private final int status;
    private final String errorCode;
    private final List<String> fields;

    public SalesforceException(int status, String errorCode, String message, List<String> fields) {
        super(errorCode + ": " + message);
        this.status = status;
        this.errorCode = errorCode;
        this.fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public List<String> fields() {
        return fields;
    }

    /** 5xx, lock contention, limits, timeouts: worth another try later; anything else is the data's fault. */
    public boolean isTransient() {
        return status >= 500 || status == 0 || TRANSIENT.contains(errorCode);
    }

    /** Whether a per-record error code of a write is worth trying again later (lock contention, limits). */
    public static boolean isTransientCode(String code) {
        return TRANSIENT.contains(code);
    }
}
