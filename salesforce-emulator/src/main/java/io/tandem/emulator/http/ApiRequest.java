package io.tandem.emulator.http;

import io.tandem.emulator.json.Json;
import io.tandem.emulator.json.JsonException;
import io.tandem.emulator.org.SalesforceError;

import java.util.List;
import java.util.Map;

/**
 * One REST call below {@code /services/data/vXX.X/}, whether it came over HTTP or as a composite
 * subrequest. Header names are lower case.
 */
public record ApiRequest(String method, String version, List<String> segments, Map<String, String> params,
                         Map<String, String> headers, String body, String userId) {

    public String segment(int i) {
        return i < segments.size() ? segments.get(i) : null;
    }

    public String param(String name) {
        return params.get(name);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase());
    }

    /** The Sforce-Auto-Assign header: null when absent, else TRUE or FALSE (a rule id counts as TRUE). */
    public Boolean autoAssign() {
        String h = header("Sforce-Auto-Assign");
        if (h == null) {
            return null;
        }
        return !h.trim().equalsIgnoreCase("false");
    }

    public Map<String, Object> jsonObject() {
        Object v = json();
        if (!(v instanceof Map)) {
            throw SalesforceError.badRequest("JSON_PARSER_ERROR", "The request body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) v;
        return map;
    }

    public Object json() {
        if (body == null || body.isBlank()) {
            throw SalesforceError.badRequest("JSON_PARSER_ERROR", "No content to map due to end-of-input");
        }
        try {
            return Json.parse(body);
        } catch (JsonException e) {
            throw SalesforceError.badRequest("JSON_PARSER_ERROR", "Unexpected character: " + e.getMessage());
        }
    }
}
