package io.tandem.emulator.http;

import io.tandem.emulator.json.Json;
import io.tandem.emulator.org.Dml;
import io.tandem.emulator.org.SalesforceError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /composite}: up to 25 subrequests in one API call, later ones referring to earlier
 * results with {@code @{referenceId.field}}; with allOrNone a failure rolls back all of them.
 */
final class CompositeEndpoint {

    private static final Pattern REFERENCE = Pattern.compile("@\\{([A-Za-z0-9_]+)((?:\\.[A-Za-z0-9_]+|\\[\\d+])*)}");
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_]+)|\\[(\\d+)]");
    private static final Pattern URL = Pattern.compile("^/services/data/(v\\d+\\.\\d)/([^?]*)(?:\\?(.*))?$");

    private final Emulation emulation;
    private final RestApi api;

    CompositeEndpoint(Emulation emulation, RestApi api) {
        this.emulation = emulation;
        this.api = api;
    }

    @SuppressWarnings("unchecked")
    ApiResponse handle(ApiRequest req) {
        SObjectEndpoints.requireMethod(req, "POST");
        Map<String, Object> body = req.jsonObject();
        if (!(body.get("compositeRequest") instanceof List<?> subrequests)) {
            throw SalesforceError.badRequest("JSON_PARSER_ERROR", "compositeRequest is required");
        }
        if (subrequests.size() > 25) {
            throw SalesforceError.badRequest("LIMIT_EXCEEDED", "The composite request cannot contain more than 25 subrequests");
        }
        boolean allOrNone = Boolean.TRUE.equals(body.get("allOrNone"));
        return emulation.dml().transaction(undo -> {
            Map<String, Object> results = new LinkedHashMap<>();
            List<Map<String, Object>> out = new ArrayList<>();
            int failedAt = -1;
            for (Object o : subrequests) {
                Map<String, Object> sub = (Map<String, Object>) o;
                String referenceId = String.valueOf(sub.get("referenceId"));
                ApiResponse r;
                try {
                    if (failedAt >= 0 && allOrNone) {
                        throw halted();
                    }
                    r = run(req, sub, results);
                } catch (SalesforceError e) {
                    r = ApiResponse.error(e);
                }
                if (r.status() >= 400 && failedAt < 0) {
                    failedAt = out.size();
                }
                results.put(referenceId, r.json());
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("body", r.json());
                item.put("httpHeaders", r.headers());
                item.put("httpStatusCode", r.status());
                item.put("referenceId", referenceId);
                out.add(item);
            }
            if (allOrNone && failedAt >= 0) {
                Dml.rollback(undo);
                for (int i = 0; i < out.size(); i++) {
                    if (i != failedAt) {
                        out.get(i).put("body", ApiResponse.error(halted()).json());
                        out.get(i).put("httpHeaders", Map.of());
                        out.get(i).put("httpStatusCode", 400);
                    }
                }
            }
            return ApiResponse.json(200, Map.of("compositeResponse", out));
        });
    }

    private ApiResponse run(ApiRequest parent, Map<String, Object> sub, Map<String, Object> results) {
        String url = substitute(String.valueOf(sub.get("url")), results, false);
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw SalesforceError.badRequest("INVALID_URL", "The url must start with /services/data/vXX.X/: " + url);
        }
        String bodyText = sub.get("body") == null ? null : substitute(Json.write(sub.get("body")), results, true);
        Map<String, String> headers = new LinkedHashMap<>(parent.headers());
        if (sub.get("httpHeaders") instanceof Map<?, ?> h) {
            h.forEach((k, v) -> headers.put(k.toString().toLowerCase(), String.valueOf(v)));
        }
        ApiRequest inner = new ApiRequest(String.valueOf(sub.get("method")).toUpperCase(), m.group(1),
                HttpFront.segments(m.group(2)), HttpFront.params(m.group(3)), headers, bodyText, parent.userId());
        ApiResponse r = api.dispatch(inner);
        if (r.status() == 201 && inner.segments().size() == 2 && "sobjects".equals(inner.segment(0)) && r.json() instanceof Map<?, ?> created) {
            r.headers().put("Location", "/services/data/" + inner.version() + "/sobjects/" + inner.segment(1) + "/" + created.get("id"));
        }
        return r;
    }

    private static String substitute(String text, Map<String, Object> results, boolean json) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Object value = navigate(results.get(m.group(1)), m.group(2));
            if (value == null) {
                throw SalesforceError.badRequest("PROCESSING_HALTED", "Invalid reference specified. No value for "
                        + m.group(1) + m.group(2) + " found in " + m.group(1) + ".");
            }
            String replacement = value.toString();
            m.appendReplacement(sb, Matcher.quoteReplacement(json ? Json.write(replacement).replaceAll("^\"|\"$", "") : replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Object navigate(Object from, String path) {
        Object current = from;
        Matcher step = STEP.matcher(path);
        while (step.find() && current != null) {
            if (step.group(1) != null) {
                current = current instanceof Map<?, ?> map ? map.get(step.group(1)) : null;
            } else {
                int i = Integer.parseInt(step.group(2));
                current = current instanceof List<?> list && i < list.size() ? list.get(i) : null;
            }
        }
        return current;
    }

    private static SalesforceError halted() {
        return SalesforceError.badRequest("PROCESSING_HALTED",
                "The transaction was rolled back since another operation in the same transaction failed.");
    }
}
