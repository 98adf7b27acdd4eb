package io.tandem.emulator.http;

import io.tandem.emulator.org.SalesforceError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a REST call answers: status, a JSON value or raw text (CSV), extra headers. */
public record ApiResponse(int status, Object json, String raw, String contentType, Map<String, String> headers) {

    public static final String JSON = "application/json;charset=UTF-8";

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, body, null, JSON, new LinkedHashMap<>());
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, null, null, new LinkedHashMap<>());
    }

    public static ApiResponse text(int status, String body, String contentType) {
        return new ApiResponse(status, null, body, contentType, new LinkedHashMap<>());
    }

    /** Salesforce's top-level error array. */
    public static ApiResponse error(SalesforceError e) {
        return json(e.status(), List.of(errorBody(e)));
    }

    public static Map<String, Object> errorBody(SalesforceError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", e.getMessage());
        m.put("errorCode", e.errorCode());
        if (!e.fields().isEmpty()) {
            m.put("fields", e.fields());
        }
        return m;
    }

    /** The error as a SaveResult item shows it: {@code statusCode}, not {@code errorCode}. */
    public static Map<String, Object> saveError(SalesforceError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statusCode", e.errorCode());
        m.put("message", e.getMessage());
        m.put("fields", e.fields());
        return m;
    }

    public ApiResponse withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
