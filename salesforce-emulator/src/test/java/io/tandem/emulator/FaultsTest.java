package io.tandem.emulator;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Injected trouble: the next calls failing, dropped connections, an outage, a mid-run session expiry. */
class FaultsTest extends EmulatorTest {

    @Test
    void theNextCallsFailAsConfiguredThenRecover() {
        sf.control("config", "{\"faults\":{\"failNext\":2,\"failNextWith\":\"UNABLE_TO_LOCK_ROW\"}}");
        Sf.Res locked = sf.get(Sf.V + "/limits");
        assertEquals(400, locked.status());
        assertEquals("UNABLE_TO_LOCK_ROW", locked.error().get("errorCode"));
        assertEquals(400, sf.get(Sf.V + "/limits").status());
        assertEquals(200, sf.get(Sf.V + "/limits").status());

        sf.control("config", "{\"faults\":{\"failNext\":1,\"failNextWith\":\"SERVER_UNAVAILABLE\"}}");
        Sf.Res unavailable = sf.get(Sf.V + "/limits");
        assertEquals(503, unavailable.status());
        assertEquals("SERVER_UNAVAILABLE", unavailable.error().get("errorCode"));

        sf.control("config", "{\"faults\":{\"failNext\":1,\"failNextWith\":\"INVALID_SESSION\"}}");
        assertEquals(401, sf.get(Sf.V + "/limits").status());
        assertEquals(401, sf.get(Sf.V + "/limits").status(), "the session is gone until the client logs in again");
        sf.login();
        assertEquals(200, sf.get(Sf.V + "/limits").status());
    }

    @Test
    void droppedConnectionsAndOutages() {
        sf.control("config", "{\"faults\":{\"failNext\":1,\"failNextWith\":\"DROP_CONNECTION\"}}");
        // a POST, since HTTP clients retry an idempotent GET on a dropped connection by themselves
        assertThrows(UncheckedIOException.class, () -> sf.post(Sf.V + "/sobjects/Lead", "{}"));
        sf.control("config", "{\"faults\":{\"outageSeconds\":60}}");
        assertEquals(503, sf.get(Sf.V + "/limits").status());
        sf.control("config", "{\"faults\":{}}");
        assertEquals(200, sf.get(Sf.V + "/limits").status());
    }
}
