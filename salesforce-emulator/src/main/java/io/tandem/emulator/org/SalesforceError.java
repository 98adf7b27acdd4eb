package io.tandem.emulator.org;

import java.util.List;

/**
 * An error as Salesforce reports it: HTTP status, errorCode, message and the fields concerned.
 * Top-level REST errors render it as {@code [{"message","errorCode","fields"}]}; save results as
 * {@code {"statusCode","message","fields"}}.
 */
public class SalesforceError extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final List<String> fields;

    public SalesforceError(int status, String errorCode, String message, List<String> fields) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.fields = fields == null ? List.of() : fields;
    }

    public SalesforceError(int status, String errorCode, String message) {
        this(status, errorCode, message, List.of());
    }

    public static SalesforceError badRequest(String errorCode, String message, String... fields) {
        return new SalesforceError(400, errorCode, message, List.of(fields));
    }

    public static SalesforceError notFound() {
        return new SalesforceError(404, "NOT_FOUND", "The requested resource does not exist");
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
}
