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
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void everyPageAndAnswerCarriesTheBrowserDefencesAndThePagesNeedNoInlineCode(TandemServer.Running tandem) throws Exception {
        HttpClient browser = Pages.browser();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(tandem.baseUrl() + "/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertDefences(login);
        Pages.signIn(browser, tandem.baseUrl(), "admin", TandemServer.ADMIN_PASSWORD);
        for (String page : new String[] {"/index.xhtml", "/sync-logs.xhtml", "/settings.xhtml"}) {
            HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(tandem.baseUrl() + page)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), page);
            assertDefences(r);
            String html = r.body();
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("script-src 'self' 'nonce-([^']+)'").matcher(csp);
            assertTrue(nonce.find(), page + ": the page's nonce in its policy: " + csp);
            assertFalse(csp.replaceAll(".*script-src", "").contains("unsafe-inline"), page + ": no inline script allowed without the nonce");
            java.util.regex.Matcher script = java.util.regex.Pattern.compile("<script(?![^>]*\\ssrc=)([^>]*)>").matcher(html);
            while (script.find()) {
                assertTrue(script.group(1).contains("nonce=\"" + nonce.group(1) + "\""), page + ": an inline script without the nonce: " + script.group());
            }
            assertTrue(!java.util.regex.Pattern.compile("\\son[a-z]+=\"").matcher(html).find(), page + ": an inline event handler");
        }
        HttpResponse<String> api = HttpClient.newHttpClient().send(tandem.admin().request("/api/contacts").build(),
                HttpResponse.BodyHandlers.ofString());
        assertDefences(api);

        // signing out is a plain form button now (no script), and works
        HttpResponse<String> index = browser.send(HttpRequest.newBuilder(URI.create(tandem.baseUrl() + "/index.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher state = Pages.VIEW_STATE.matcher(index.body());
        assertTrue(state.find());
        browser.send(HttpRequest.newBuilder(URI.create(tandem.baseUrl() + "/index.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("signout=signout&signout%3Asubmit=Sign+out&jakarta.faces.ViewState="
                        + Pages.enc(state.group(1)) + Pages.nonceParam(index.body()))).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> after = browser.send(HttpRequest.newBuilder(URI.create(tandem.baseUrl() + "/index.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(after.uri().getPath().endsWith("/login.xhtml"), "signed out: " + after.uri());
    }

    @Test
    void httpsAnswersWithTheCertificateMadeAtTheFirstStartAndTellsBrowsersToKeepToIt(TandemServer.Running tandem) throws Exception {
        io.tandem.launcher.TlsListener tls = tandem.tls();
        assertTrue(tls.generated(), "no keystore configured: a self-signed one was made");
        java.security.KeyStore made = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(tls.keystore())) {
            made.load(in, tls.password().toCharArray());
        }
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                java.nio.file.Files.getPosixFilePermissions(tls.keystore()), "the keystore is the server user's alone");
        java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("tandem", made.getCertificate(tls.alias()));
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(context).cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> ready = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + tls.port() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.sslSession().isPresent() && ready.sslSession().get().getPeerCertificates()[0].equals(made.getCertificate(tls.alias())),
                "served with the made certificate");
        HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + tls.port() + "/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("max-age=31536000", login.headers().firstValue("Strict-Transport-Security").orElse(null));
        String cookie = login.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.isEmpty() || cookie.contains("Secure"), "a session cookie made over HTTPS is Secure: " + cookie);
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tandem.baseUrl() + "/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");
    }

    private static void assertDefences(HttpResponse<String> r) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'self'"), r.uri() + ": " + csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), r.uri().toString());
        assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(null), r.uri().toString());
        assertEquals("SAMEORIGIN", r.headers().firstValue("X-Frame-Options").orElse(null), r.uri().toString());
    }
}
