package io.tandem.domain.model.connection;

import io.tandem.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login URL secrets are sent to: https, or plain http on this machine only. */
class SavedConnectionTest {

    private static SavedConnection with(String url) {
        return new SavedConnection(url, "client_credentials", "client", null, null, Instant.EPOCH);
    }

    @Test
    void httpsAnywhereAndHttpOnlyOnThisMachine() {
        assertEquals("https://acme.my.salesforce.com", with("https://acme.my.salesforce.com/").loginUrl());
        assertEquals("https://test.salesforce.com:8443", with(" https://test.salesforce.com:8443 ").loginUrl());
        assertEquals("http://127.0.0.1:8181", with("http://127.0.0.1:8181").loginUrl());
        assertEquals("http://localhost:8181", with("http://localhost:8181").loginUrl());
        assertEquals("http://[::1]:8181", with("http://[::1]:8181").loginUrl());
    }

    @Test
    void plainHttpElsewhereIsRefusedNamingTheField() {
        for (String url : new String[] {"http://acme.my.salesforce.com", "http://localhost.evil.example", "http://10.0.0.5:8181",
                "HTTP://login.salesforce.com"}) {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> with(url), url);
            assertEquals("loginUrl", e.field());
            assertTrue(e.getMessage().startsWith("must be https"), e.getMessage());
        }
    }

    @Test
    void notAUrlAtAllIsRefused() {
        for (String url : new String[] {null, "", "login.salesforce.com", "ftp://x.example", "https://"}) {
            assertEquals("loginUrl", assertThrows(InvalidValueException.class, () -> with(url), String.valueOf(url)).field());
        }
    }
}
