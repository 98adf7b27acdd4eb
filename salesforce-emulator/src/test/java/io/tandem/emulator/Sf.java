package io.tandem.emulator;

import io.tandem.emulator.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for the conformance tests: raw requests, JSON parsed with the emulator's reader. */
final class Sf {

    static final String V = "/services/data/v62.0";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String base;
    String token;

    Sf(String base) {
        this.base = base;
    }

    record Res(int status, String body, HttpResponse<String> raw) {

        Object json() {
            return Json.parse(body);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) json();
        }

        @SuppressWarnings("unchecked")
        List<Object> list() {
            return (List<Object>) json();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> error() {
            return (Map<String, Object>) list().get(0);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Sf login() {
        Res r = form("/services/oauth2/token", "grant_type=client_credentials&client_id=tandem-demo&client_secret=tandem-demo-secret");
        token = (String) r.map().get("access_token");
        return this;
    }

    Res form(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Res get(String path) {
        return send(api(path).GET());
    }

    Res query(String soql) {
        return get(V + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
    }

    Res post(String path, String json) {
        return send(api(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Res patch(String path, String json) {
        return send(api(path).header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Res delete(String path) {
        return send(api(path).DELETE());
    }

    Res control(String what, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + "/__emulator/" + what)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    /** Creates a record and returns its id. */
    String create(String type, String json) {
        Res r = post(V + "/sobjects/" + type, json);
        if (r.status() != 201) {
            throw new AssertionError("create " + type + " failed: " + r.body());
        }
        return (String) r.map().get("id");
    }

    HttpRequest.Builder api(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    Res send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
