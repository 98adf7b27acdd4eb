package io.tandem.interfaces;

import io.tandem.testing.TandemServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages: the login form signs in and keeps the session; a wrong password stays on the form. */
@ExtendWith(TandemServer.class)
class LoginPageIT {


    @Test
    void signsInAndShowsTheOverview(TandemServer.Running tandem) throws Exception {
        HttpClient browser = Pages.browser();
        HttpResponse<String> afterLogin = Pages.signIn(browser, tandem.baseUrl(), "admin", TandemServer.ADMIN_PASSWORD);
        assertEquals(200, afterLogin.statusCode());
        assertTrue(afterLogin.body().contains("Overview"), afterLogin.body());
        assertTrue(afterLogin.body().contains("drain-ticks"));

        HttpResponse<String> again = browser.send(HttpRequest.newBuilder(URI.create(tandem.baseUrl() + "/index.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, again.statusCode(), "the session keeps the caller signed in");
    }

    @Test
    void theOverviewAndTheSyncLogsShowWhatTheSyncDid(TandemServer.Running tandem) throws Exception {
        HttpClient browser = Pages.browser();
        Pages.signIn(browser, tandem.baseUrl(), "admin", TandemServer.ADMIN_PASSWORD);
        String overview = page(browser, tandem.baseUrl() + "/index.xhtml");
        for (String line : new String[] {"id=\"queued\"", "id=\"oldest\"", "id=\"paused\"", "id=\"tandem-24h\"", "id=\"org\"",
                "id=\"import\"", "id=\"last-poll\""}) {
            assertTrue(overview.contains(line), line + " in " + overview);
        }
        assertTrue(overview.contains("Connected to Salesforce."), "the demo org is connected");

        // a Lead made in Salesforce comes in with the next poll (or the import), as a batch in the log
        io.tandem.testing.Api.anonymous(tandem.emulator().baseUrl()).post("/__emulator/as-rep/Lead",
                "{\"LastName\":\"Paged\",\"Company\":\"Pages Ltd\",\"Email\":\"paged@pages-it.example\"}");
        String list = io.tandem.testing.Eventually.await(java.time.Duration.ofSeconds(60),
                () -> page(browser, tandem.baseUrl() + "/sync-logs.xhtml?direction=inbound"), body -> body.contains("sync-logs.xhtml?entry="));
        Matcher entry = Pattern.compile("sync-logs.xhtml\\?entry=(\\d+)").matcher(list);
        assertTrue(entry.find());
        assertTrue(list.contains("INBOUND") && !list.contains("<td>OUTBOUND</td>"), "filtered to inbound");
        String detail = page(browser, tandem.baseUrl() + "/sync-logs.xhtml?entry=" + entry.group(1));
        assertTrue(detail.contains("id=\"records\"") && detail.contains("batch " + entry.group(1)), detail);
        assertTrue(Pattern.compile("<td>(CREATED|UPDATED|UNCHANGED|SKIPPED|FAILED|DELETED)</td>").matcher(detail).find(),
                "every record with its outcome: " + detail);

        assertTrue(page(browser, tandem.baseUrl() + "/sync-logs.xhtml?direction=sideways").contains("direction: must be inbound or outbound"));
        assertTrue(page(browser, tandem.baseUrl() + "/sync-logs.xhtml?entry=abc").contains("entry: must be the number of a log entry"));
        assertTrue(page(browser, tandem.baseUrl() + "/sync-logs.xhtml?entry=999999999").contains("No sync log entry with id 999999999"));
    }

    @Test
    void adminsChangeTheSyncSettingsAndFieldModesOnTheSettingsPage(TandemServer.Running tandem) throws Exception {
        HttpClient browser = Pages.browser();
        Pages.signIn(browser, tandem.baseUrl(), "admin", TandemServer.ADMIN_PASSWORD);
        jakarta.json.JsonObject before = tandem.admin().get("/api/settings/sync").json();
        jakarta.json.JsonArray fields = tandem.admin().get("/api/settings/field-mappings").json().getJsonArray("items");
        String form = page(browser, tandem.baseUrl() + "/settings.xhtml");
        assertTrue(form.contains("settings:pollSeconds") && form.contains("settings:fields:0:mode"), form);
        try {
            Map<String, String> values = settingsForm(before, fields);
            values.put("settings:pollSeconds", "45");
            values.put("settings:fields:" + indexOf(fields, "title") + ":mode", "two_way");
            String saved = submit(browser, tandem.baseUrl() + "/settings.xhtml", form, values);
            assertTrue(saved.contains("Saved; in force from now on."), saved);
            jakarta.json.JsonObject after = tandem.admin().get("/api/settings/sync").json();
            assertEquals(45, after.getInt("pollSeconds"));
            assertEquals(jakarta.json.Json.createObjectBuilder(before).remove("pollSeconds").remove("updatedAt").build(),
                    jakarta.json.Json.createObjectBuilder(after).remove("pollSeconds").remove("updatedAt").build(),
                    "every other setting came back from the page as it was");
            assertEquals("two_way", tandem.admin().get("/api/settings/field-mappings").json().getJsonArray("items").stream()
                    .map(v -> v.asJsonObject()).filter(f -> f.getString("field").equals("title")).findFirst().orElseThrow().getString("mode"));

            values.put("settings:reservePercent", "150");
            values.put("settings:pollSeconds", "50");
            String refused = submit(browser, tandem.baseUrl() + "/settings.xhtml", saved, values);
            assertTrue(refused.contains("reservePercent: must be between 0 and 90"), refused);
            assertEquals(45, tandem.admin().get("/api/settings/sync").json().getInt("pollSeconds"), "a refused form saves nothing");
        } finally {
            tandem.admin().send(tandem.admin().request("/api/settings/sync").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(before.toString())));
            tandem.admin().send(tandem.admin().request("/api/settings/field-mappings/title").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + fields.getJsonObject(indexOf(fields, "title")).getString("mode") + "\"}")));
        }
    }

    /** The settings form as a browser would send it back unchanged: checked boxes only, every field's mode. */
    private static Map<String, String> settingsForm(jakarta.json.JsonObject settings, jakarta.json.JsonArray fields) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("settings", "settings");
        settings.forEach((name, value) -> {
            if (value == jakarta.json.JsonValue.TRUE) {
                values.put("settings:" + name, "on");
            } else if (!(value instanceof jakarta.json.JsonString) && value.getValueType() == jakarta.json.JsonValue.ValueType.NUMBER) {
                values.put("settings:" + name, value.toString());
            }
        });
        values.put("settings:createAs", settings.getString("createAs"));
        values.put("settings:tandemDailyLimit", settings.isNull("tandemDailyLimit") || !settings.containsKey("tandemDailyLimit") ? ""
                : settings.get("tandemDailyLimit").toString());
        for (int i = 0; i < fields.size(); i++) {
            values.put("settings:fields:" + i + ":mode", fields.getJsonObject(i).getString("mode"));
        }
        values.put("settings:save", "Save");
        return values;
    }

    private static int indexOf(jakarta.json.JsonArray fields, String field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.getJsonObject(i).getString("field").equals(field)) {
                return i;
            }
        }
        throw new AssertionError("no mapped field " + field);
    }

    private static String submit(HttpClient browser, String url, String page, Map<String, String> values) throws Exception {
        Matcher m = Pages.VIEW_STATE.matcher(page);
        assertTrue(m.find(), "the page has a view state");
        StringBuilder body = new StringBuilder("jakarta.faces.ViewState=").append(Pages.enc(m.group(1))).append(Pages.nonceParam(page));
        values.forEach((k, v) -> body.append('&').append(Pages.enc(k)).append('=').append(Pages.enc(v)));
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void aWrongPasswordStaysOnTheForm(TandemServer.Running tandem) throws Exception {
        HttpClient browser = Pages.browser();
        HttpResponse<String> r = Pages.signIn(browser, tandem.baseUrl(), "admin", "wrong");
        assertTrue(r.body().contains("Wrong user or password"), r.body());
        HttpResponse<String> index = browser.send(HttpRequest.newBuilder(URI.create(tandem.baseUrl() + "/index.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(index.uri().getPath().endsWith("/login.xhtml"), "still signed out: " + index.uri());
    }

    private static String page(HttpClient browser, String url) {
        try {
            HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), url + ": " + r.body());
            return r.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
