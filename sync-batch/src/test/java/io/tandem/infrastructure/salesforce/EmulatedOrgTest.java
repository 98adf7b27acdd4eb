package io.tandem.infrastructure.salesforce;

import io.tandem.emulator.SalesforceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One emulated org per test class, reset before each test, with Tandem's client logged in to it. */
abstract class EmulatedOrgTest {

    static SalesforceEmulator emulator;
    SalesforceClient client;

    @BeforeAll
    static void startEmulator() {
        emulator = SalesforceEmulator.start(0, "none", null);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void freshOrg() {
        emulator.emulation().reset();
        client = new SalesforceClient(SalesforceConnection.clientCredentials(emulator.baseUrl(), "tandem-demo", "tandem-demo-secret"),
                HttpClient.newHttpClient(), Duration.ofMillis(5));
    }

    /** A call to the emulator's control API, which must succeed. */
    static void control(String what, String json) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__emulator/" + what))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
