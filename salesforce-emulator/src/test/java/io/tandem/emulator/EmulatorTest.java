package io.tandem.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One emulator per test class on a free port, reset before every test, with a logged-in client. */
abstract class EmulatorTest {

    static SalesforceEmulator emulator;
    Sf sf;

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
        sf = new Sf(emulator.baseUrl()).login();
    }
}
