package io.tandem.domain.service;

/**
 * A call Salesforce refused or did not answer, in the sync's terms: its error code, and whether trying
 * again later can help (outages, lock contention, limits, an expired session) or the data is at fault.
 */
public class SalesforceFailure extends RuntimeException {

    private final String errorCode;
    private final boolean transientFailure;

    public SalesforceFailure(String errorCode, String message, boolean transientFailure) {
        super(errorCode + ": " + message);
        this.errorCode = errorCode;
        this.transientFailure = transientFailure;
    }

    public String errorCode() {
        return errorCode;
    }

    /** Worth another try later; otherwise the data (or the setup) must change first. */
    public boolean isTransient() {
        return transientFailure;
    }
}
