package io.tandem.interfaces;

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

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A browser for page tests: keeps cookies, follows redirects, signs in through the login form. */
final class Pages {

    static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    /** The page's CSP nonce, on its inline scripts: a postback carries it back (PrimeFaces checks it), as PrimeFaces' script would. */
    static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    private Pages() {
    }

    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    static HttpResponse<String> signIn(HttpClient browser, String base, String user, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = VIEW_STATE.matcher(form.body());
        assertTrue(m.find(), "the login form has a view state");
        String body = "login=login&login%3Ausername=" + enc(user) + "&login%3Apassword=" + enc(password)
                + "&login%3Asubmit=Sign+in&jakarta.faces.ViewState=" + enc(m.group(1)) + nonceParam(form.body());
        return browser.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code &primefaces.nonce=…} of the page, or nothing when it has none. */
    static String nonceParam(String page) {
        Matcher n = NONCE.matcher(page);
        return n.find() ? "&primefaces.nonce=" + enc(n.group(1)) : "";
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
