package io.tandem.infrastructure.salesforce;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls one org's REST API. Logs in when first needed and again, once, when a call answers 401; reads
 * read-only calls again after transient failures (5xx, lock contention, timeouts, dropped connections)
 * with growing pauses; records the API usage every answer reports. Thread-safe.
 */
public final class SalesforceClient {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int ATTEMPTS = 4;

    private final SalesforceConnection connection;
    private final HttpClient http;
    private final Duration firstPause;
    private final AtomicLong calls = new AtomicLong();
    /** Calls per thread, so a poll, a drain and an import running at once each count their own. */
    private final ThreadLocal<long[]> callsHere = ThreadLocal.withInitial(() -> new long[1]);
    private volatile String accessToken;
    private volatile String instanceUrl;
    private volatile String organizationId;
    private volatile ApiUsage usage;

    public SalesforceClient(SalesforceConnection connection) {
        this(connection, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), Duration.ofMillis(250));
    }

    SalesforceClient(SalesforceConnection connection, HttpClient http, Duration firstPause) {
        this.connection = connection;
        this.http = http;
        this.firstPause = firstPause;
    }

    /** Logs in now; a failure says what the org answered. */
    public synchronized void login() {
        JsonObject body = token(OAuth.tokenRequest(connection, Instant.now()));
        String before = organizationId;
        accessToken = body.getString("access_token");
        instanceUrl = body.getString("instance_url");
        organizationId = OAuth.organizationId(body.getString("id", ""));
        if (before != null && organizationId != null && !before.equals(organizationId)) {
            // the same address now leads to another org: the call that logged in again must not go on there
            throw new SalesforceException(409, "ORG_CHANGED", "the login now leads to the org " + organizationId + " instead of "
                    + before + "; nothing is read or written there until an admin decides", null);
        }
    }

    /**
     * The web-server flow's second leg: the code the browser brought back from the org's consent page,
     * traded for the grant; answers its refresh token. The session it also opens is this client's.
     */
    public synchronized String redeemCode(String code, String redirectUri) {
        JsonObject body = token(OAuth.codeRequest(connection, code, redirectUri));
        accessToken = body.getString("access_token");
        instanceUrl = body.getString("instance_url");
        organizationId = OAuth.organizationId(body.getString("id", ""));
        if (!body.containsKey("refresh_token")) {
            throw new SalesforceException(200, "NO_REFRESH_TOKEN", "the org gave no refresh token: the connected app's OAuth scopes"
                    + " must include refresh_token (offline_access)", null);
        }
        return body.getString("refresh_token");
    }

    /** A token request's answer; a refusal says what the org answered. */
    private JsonObject token(String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(connection.loginUrl() + "/services/oauth2/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> r = exchange(request);
        JsonObject body = r.body().isBlank() ? JsonValue.EMPTY_JSON_OBJECT : parse(r.body()).asJsonObject();
        if (r.statusCode() != 200) {
            throw new SalesforceException(r.statusCode(), body.getString("error", "LOGIN_FAILED"),
                    body.getString("error_description", "login refused"), null);
        }
        return body;
    }

    /** The instance the last login gave, or empty before any. */
    public java.util.Optional<String> instanceUrl() {
        return java.util.Optional.ofNullable(instanceUrl);
    }

    /** The org of the session, from the identity URL of the login's answer ({@code …/id/00D…/005…}). */
    public String organizationId() {
        if (accessToken == null) {
            login();
        }
        return organizationId;
    }

    public QueryPage query(String soql) {
        return page(get("/services/data/" + connection.apiVersion() + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8)));
    }

    /** As {@link #query}, with deleted and merged rows too. */
    public QueryPage queryAll(String soql) {
        return page(get("/services/data/" + connection.apiVersion() + "/queryAll?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8)));
    }

    /**
     * Several SOQL queries in one composite call (one API request), each answer's first page by name;
     * {@code withDeleted} reads as {@link #queryAll} does. A query the org refuses throws.
     */
    public Map<String, QueryPage> queries(Map<String, String> soqlByName, boolean withDeleted) {
        String base = "/services/data/" + connection.apiVersion();
        JsonArrayBuilder subrequests = JSON.createArrayBuilder();
        soqlByName.forEach((name, soql) -> subrequests.add(JSON.createObjectBuilder().add("method", "GET").add("referenceId", name)
                .add("url", base + (withDeleted ? "/queryAll" : "/query") + "?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8))));
        JsonObject body = JSON.createObjectBuilder().add("allOrNone", false).add("compositeRequest", subrequests).build();
        Map<String, QueryPage> pages = new LinkedHashMap<>();
        for (JsonValue v : send("POST", base + "/composite", body).asJsonObject().getJsonArray("compositeResponse")) {
            JsonObject sub = v.asJsonObject();
            if (sub.getInt("httpStatusCode") != 200) {
                JsonValue err = sub.get("body");
                String message = err.getValueType() == JsonValue.ValueType.ARRAY ? err.asJsonArray().getJsonObject(0).toString() : err.toString();
                throw new SalesforceException(sub.getInt("httpStatusCode"), "COMPOSITE_SUBREQUEST_FAILED", message, null);
            }
            pages.put(sub.getString("referenceId"), QueryPage.of(sub.getJsonObject("body")));
        }
        return pages;
    }

    public QueryPage queryMore(String nextRecordsUrl) {
        return page(get(nextRecordsUrl));
    }

    /** A read-only call, retried after transient failures. */
    public JsonStructure get(String path) {
        return call("GET", path, null, true);
    }

    /** A write; retried only after a re-login, since a 401 means nothing was done. */
    public JsonStructure send(String method, String path, JsonStructure body) {
        return call(method, path, body, false);
    }

    /** A write with headers of its own (e.g. {@code Sforce-Auto-Assign}); retried only after a re-login. */
    public JsonStructure send(String method, String path, JsonStructure body, Map<String, String> headers) {
        HttpResponse<String> r = call(method, path, body, false, "application/json", headers);
        return r.statusCode() == 204 || r.body().isBlank() ? JsonValue.EMPTY_JSON_OBJECT : parse(r.body());
    }

    public Optional<ApiUsage> usage() {
        return Optional.ofNullable(usage);
    }

    /** Requests sent to the API (not counting logins) by this client. */
    public long calls() {
        return calls.get();
    }

    /** Requests this client sent from the calling thread (or that were attributed to it). */
    public long callsOnThisThread() {
        return callsHere.get()[0];
    }

    /** Counts calls made on another thread for the caller's work (a page fetched ahead) as the caller's. */
    public void attribute(long n) {
        callsHere.get()[0] += n;
    }

    /** A read-only call answering CSV or other text (Bulk API results), with the answer's headers. */
    public HttpResponse<String> getText(String path) {
        return call("GET", path, null, true, "text/csv");
    }

    private JsonStructure call(String method, String path, JsonStructure body, boolean idempotent) {
        HttpResponse<String> r = call(method, path, body, idempotent, "application/json");
        return r.statusCode() == 204 || r.body().isBlank() ? JsonValue.EMPTY_JSON_OBJECT : parse(r.body());
    }

    private HttpResponse<String> call(String method, String path, JsonStructure body, boolean idempotent, String accept) {
        return call(method, path, body, idempotent, accept, Map.of());
    }

    private HttpResponse<String> call(String method, String path, JsonStructure body, boolean idempotent, String accept,
                                      Map<String, String> headers) {
        boolean reloggedIn = false;
        for (int attempt = 1; ; attempt++) {
            if (accessToken == null) {
                login();
            }
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(instanceUrl + path)).timeout(Duration.ofSeconds(120))
                        .header("Authorization", "Bearer " + accessToken).header("Accept", accept);
                if (body != null) {
                    b.header("Content-Type", "application/json");
                }
                headers.forEach(b::header);
                b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
                calls.incrementAndGet();
                callsHere.get()[0]++;
                HttpResponse<String> r = exchange(b.build());
                r.headers().firstValue("Sforce-Limit-Info").flatMap(ApiUsage::parse).ifPresent(u -> usage = u);
                if (r.statusCode() == 401 && !reloggedIn) {
                    reloggedIn = true;
                    accessToken = null;
                    attempt--;
                    continue;
                }
                if (r.statusCode() >= 300) {
                    throw error(r);
                }
                return r;
            } catch (SalesforceException e) {
                if (!idempotent || !e.isTransient() || attempt >= ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SalesforceException(0, "CONNECTION_FAILED", "no answer from " + request.uri().getHost() + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceException(0, "INTERRUPTED", "interrupted", null);
        }
    }

    private static SalesforceException error(HttpResponse<String> r) {
        try {
            JsonStructure s = parse(r.body());
            JsonObject first = s instanceof JsonArray a && !a.isEmpty() ? a.getJsonObject(0) : s.asJsonObject();
            List<String> fields = new ArrayList<>();
            if (first.containsKey("fields") && first.get("fields").getValueType() == JsonValue.ValueType.ARRAY) {
                first.getJsonArray("fields").forEach(f -> fields.add(f.toString().replace("\"", "")));
            }
            return new SalesforceException(r.statusCode(), first.getString("errorCode", "HTTP_" + r.statusCode()),
                    first.getString("message", ""), fields);
        } catch (RuntimeException notJson) {
            // proxies answer 502/503 with HTML
            return new SalesforceException(r.statusCode(), "HTTP_" + r.statusCode(), "a non-JSON answer", null);
        }
    }

    private static QueryPage page(JsonStructure s) {
        return QueryPage.of(s.asJsonObject());
    }

    private static JsonStructure parse(String body) {
        try (var reader = JSON.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(firstPause.toMillis() * (1L << (2 * (attempt - 1))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceException(0, "INTERRUPTED", "interrupted", null);
        }
    }
}
