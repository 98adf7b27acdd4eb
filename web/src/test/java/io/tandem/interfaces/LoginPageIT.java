package io.tandem.interfaces;

import io.tandem.testing.TandemServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages: the login form signs in and keeps the session; a wrong password stays on the form. */
@ExtendWith(TandemServer.class)
class LoginPageIT {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Test
    void signsInAndShowsTheOverview(TandemServer.Running tandem) throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> afterLogin = signIn(browser, tandem.baseUrl(), "admin", TandemServer.ADMIN_PASSWORD);
        assertEquals(200, afterLogin.statusCode());
        assertTrue(afterLogin.body().contains("Overview"), afterLogin.body());
        assertTrue(afterLogin.body().contains("drain-ticks"));

        HttpResponse<String> again = browser.send(HttpRequest.newBuilder(URI.create(tandem.baseUrl() + "/index.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, again.statusCode(), "the session keeps the caller signed in");
    }

    @Test
    void theOverviewAndTheSyncLogsShowWhatTheSyncDid(TandemServer.Running tandem) throws Exception {
        HttpClient browser = browser();
        signIn(browser, tandem.baseUrl(), "admin", TandemServer.ADMIN_PASSWORD);
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
    void aWrongPasswordStaysOnTheForm(TandemServer.Running tandem) throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> r = signIn(browser, tandem.baseUrl(), "admin", "wrong");
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

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private static HttpResponse<String> signIn(HttpClient browser, String base, String user, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = VIEW_STATE.matcher(form.body());
        assertTrue(m.find(), "the login form has a view state");
        String body = "login=login&login%3Ausername=" + enc(user) + "&login%3Apassword=" + enc(password)
                + "&login%3Asubmit=Sign+in&jakarta.faces.ViewState=" + enc(m.group(1));
        return browser.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
