package io.tandem.interfaces;

import io.tandem.testing.Api;
import io.tandem.testing.TandemServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may call: the API never takes the page's session; guessing passwords is slowed to a stop. */
@ExtendWith(TandemServer.class)
class SecurityIT {

    @Test
    void theApiRefusesARequestCarryingOnlyThePagesSessionCookie(TandemServer.Running tandem) throws Exception {
        HttpClient browser = Pages.browser();
        HttpResponse<String> signedIn = Pages.signIn(browser, tandem.baseUrl(), "admin", TandemServer.ADMIN_PASSWORD);
        assertTrue(signedIn.body().contains("Overview"), "signed in on the pages");
        String cookie = signedIn.previousResponse().flatMap(r -> r.headers().firstValue("Set-Cookie"))
                .or(() -> signedIn.headers().firstValue("Set-Cookie")).orElse("");
        assertTrue(cookie.contains("SameSite=Lax"), "the session cookie is SameSite=Lax: " + cookie);

        // what a page on another site could make this browser send: a CSV upload with the cookie alone
        String boundary = "csrf-it";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nemail\r\ncsrf@csrf-it.example\r\n--" + boundary + "--\r\n";
        HttpResponse<String> upload = browser.send(HttpRequest.newBuilder(URI.create(tandem.baseUrl() + "/api/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, upload.statusCode(), upload.body());
        HttpResponse<String> read = browser.send(HttpRequest.newBuilder(URI.create(tandem.baseUrl() + "/api/contacts")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, read.statusCode(), "not even a read: " + read.body());
        assertEquals(0, tandem.database().count("SELECT COUNT(*) FROM contacts WHERE email_key = 'csrf@csrf-it.example'"));

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(tandem.baseUrl() + "/index.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), "the pages still take it");
        assertEquals(200, tandem.admin().get("/api/contacts").status(), "and the API takes Authorization");
    }

    @Test
    void repeatedWrongPasswordsAreAnswered429UntilTheLockRunsOut(TandemServer.Running tandem) throws Exception {
        Api guesser = Api.basic(tandem.baseUrl(), "throttle-it", "wrong");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, guesser.get("/api/contacts").status(), "failure " + (i + 1));
        }
        Api.Response locked = guesser.get("/api/contacts");
        assertEquals(429, locked.status(), locked.body());
        assertNotNull(locked.header("Retry-After"));
        long wait = Long.parseLong(locked.header("Retry-After"));
        assertTrue(wait > 0 && wait <= 30, "Retry-After " + wait);
        assertTrue(locked.body().contains("too many failed sign-ins"), locked.body());
        assertEquals(200, tandem.admin().get("/api/contacts").status(), "another user from the same address is not locked");

        HttpClient browser = Pages.browser();
        for (int i = 0; i < 5; i++) {
            assertTrue(Pages.signIn(browser, tandem.baseUrl(), "throttle-form", "wrong").body().contains("Wrong user or password"));
        }
        HttpResponse<String> form = Pages.signIn(browser, tandem.baseUrl(), "throttle-form", "wrong");
        assertEquals(429, form.statusCode());
        assertTrue(form.body().contains("Too many failed sign-ins: try again in"), form.body());
    }
}
