package io.tandem.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tandem.emulator.json.Json;
import io.tandem.emulator.org.SalesforceError;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP face of the org: OAuth, the versioned REST API (sessions, API limits, injected faults,
 * Sforce-Limit-Info) and the control API. Every answer is Salesforce-shaped JSON, never a trace.
 */
public final class HttpFront implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());
    private static final Pattern VERSIONED = Pattern.compile("^/services/data/(v(\\d+)\\.\\d)(?:/(.*))?$");
    private static final int OLDEST = 20;
    private static final int NEWEST = 64;

    private final Emulation emulation;
    private final RestApi api;
    private final OAuthEndpoints oauth;
    private final ControlEndpoints control;

    public HttpFront(Emulation emulation) {
        this.emulation = emulation;
        this.api = new RestApi(emulation);
        this.oauth = new OAuthEndpoints(emulation);
        this.control = new ControlEndpoints(emulation, api);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        Map<String, String> params = params(ex.getRequestURI().getRawQuery());
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        if (method.equals("POST") && params.containsKey("_HttpMethod")) {
            method = params.remove("_HttpMethod").toUpperCase(Locale.ROOT);
        }
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
        String baseUrl = "http://" + headers.getOrDefault("host", "127.0.0.1:" + ex.getLocalAddress().getPort());
        ApiResponse response;
        String endpoint = path;
        boolean counted = false;
        try {
            if (path.startsWith("/__emulator/")) {
                response = control.handle(method, segments(path.substring("/__emulator/".length())), params, body);
            } else if (path.equals("/services/oauth2/token")) {
                Map<String, String> form = new LinkedHashMap<>(params);
                form.putAll(params(body));
                String authz = headers.get("authorization");
                response = oauth.token(form, authz != null && authz.startsWith("Basic ") ? authz.substring(6) : null, baseUrl);
            } else if (path.equals("/services/oauth2/authorize")) {
                Map<String, String> form = new LinkedHashMap<>(params);
                form.putAll(params(body));
                response = oauth.authorize(method, form);
            } else if (path.equals("/services/oauth2/revoke")) {
                Map<String, String> form = new LinkedHashMap<>(params);
                form.putAll(params(body));
                response = oauth.revoke(form.get("token"));
            } else if (path.equals("/services/data") || path.equals("/services/data/")) {
                response = ApiResponse.json(200, versions());
            } else {
                Matcher m = VERSIONED.matcher(path);
                if (!m.matches()) {
                    throw SalesforceError.notFound();
                }
                int major = Integer.parseInt(m.group(2));
                if (major < OLDEST || major > NEWEST) {
                    throw SalesforceError.notFound();
                }
                List<String> segs = segments(m.group(3) == null ? "" : m.group(3));
                endpoint = m.group(1).isEmpty() ? path : "/" + String.join("/", segs.isEmpty() ? List.of() : segs.subList(0, 1));
                Sessions.Session session = authenticate(headers.get("authorization"));
                if (session == null) {
                    response = ApiResponse.json(401, List.of(Map.of("message", "Session expired or invalid", "errorCode", "INVALID_SESSION_ID")))
                            .withHeader("WWW-Authenticate", "Token");
                } else {
                    Faults.Kind fault = injected();
                    if (fault == Faults.Kind.DROP_CONNECTION) {
                        emulation.calls().record(emulation.org().nowMillis(), method, endpoint, path, 0, false);
                        ex.close();
                        return;
                    }
                    long max = emulation.settings().dailyApiLimit();
                    long used = emulation.usage().used(emulation.org().nowMillis());
                    if (fault == Faults.Kind.SERVER_UNAVAILABLE) {
                        response = ApiResponse.json(503, List.of(Map.of("errorCode", "SERVER_UNAVAILABLE", "message", "Server Unavailable")));
                    } else if (fault == Faults.Kind.INVALID_SESSION) {
                        emulation.sessions().revoke(bearer(headers.get("authorization")));
                        response = ApiResponse.json(401, List.of(Map.of("message", "Session expired or invalid", "errorCode", "INVALID_SESSION_ID")))
                                .withHeader("WWW-Authenticate", "Token");
                    } else if (used >= max || fault == Faults.Kind.REQUEST_LIMIT_EXCEEDED) {
                        response = ApiResponse.json(403, List.of(Map.of("message", "TotalRequests Limit exceeded.", "errorCode", "REQUEST_LIMIT_EXCEEDED")));
                    } else {
                        used = emulation.usage().count(emulation.org().nowMillis());
                        counted = true;
                        if (fault == Faults.Kind.UNABLE_TO_LOCK_ROW) {
                            response = ApiResponse.json(400, List.of(Map.of("errorCode", "UNABLE_TO_LOCK_ROW",
                                    "message", "unable to obtain exclusive access to this record or 1 records")));
                        } else {
                            response = api.dispatch(new ApiRequest(method, m.group(1), segs, params, headers, body, session.userId()));
                            pause(emulation.faults().answerDelayMillis());
                        }
                    }
                    response.headers().put("Sforce-Limit-Info", "api-usage=" + used + "/" + max);
                }
            }
        } catch (SalesforceError e) {
            response = ApiResponse.error(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Unexpected failure on " + method + " " + path, e);
            response = ApiResponse.json(500, List.of(Map.of("errorCode", "UNKNOWN_EXCEPTION",
                    "message", "An unexpected error occurred. Please include this ErrorId if you contact support: " + System.nanoTime())));
        }
        emulation.calls().record(emulation.org().nowMillis(), method, endpoint, path, response.status(), counted);
        write(ex, response);
    }

    private Faults.Kind injected() {
        pause(emulation.faults().latencyMillis());
        return emulation.faults().decide(emulation.org().nowMillis());
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Sessions.Session authenticate(String authorization) {
        String token = bearer(authorization);
        return token == null ? null : emulation.sessions().session(token, emulation.org().nowMillis());
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.trim();
        if (a.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return a.substring(7).trim();
        }
        if (a.regionMatches(true, 0, "OAuth ", 0, 6)) {
            return a.substring(6).trim();
        }
        return null;
    }

    private static List<Object> versions() {
        List<Object> list = new ArrayList<>();
        String[][] named = {{"58.0", "Summer '23"}, {"59.0", "Winter '24"}, {"60.0", "Spring '24"}, {"61.0", "Summer '24"},
            {"62.0", "Winter '25"}, {"63.0", "Spring '25"}, {"64.0", "Summer '25"}};
        for (String[] v : named) {
            list.add(Map.of("label", v[1], "url", "/services/data/v" + v[0], "version", v[0]));
        }
        return list;
    }

    private static void write(HttpExchange ex, ApiResponse r) throws IOException {
        r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        byte[] bytes = null;
        if (r.json() != null || (r.raw() == null && r.contentType() != null)) {
            bytes = Json.write(r.json()).getBytes(StandardCharsets.UTF_8);
        } else if (r.raw() != null) {
            bytes = r.raw().getBytes(StandardCharsets.UTF_8);
        }
        if (r.contentType() != null) {
            ex.getResponseHeaders().set("Content-Type", r.contentType());
        }
        if (bytes == null || r.status() == 204 || r.status() == 304) {
            ex.sendResponseHeaders(r.status(), -1);
        } else {
            ex.sendResponseHeaders(r.status(), bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static Map<String, String> params(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }
}
