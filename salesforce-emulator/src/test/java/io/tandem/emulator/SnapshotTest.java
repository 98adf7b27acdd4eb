package io.tandem.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A demo org survives a restart through its snapshot file. */
class SnapshotTest {

    @Test
    void anOrgComesBackFromItsSnapshot(@TempDir Path dir) {
        Path file = dir.resolve("org.json");
        String id;
        String count;
        try (SalesforceEmulator first = SalesforceEmulator.start(0, "demo", file)) {
            Sf sf = new Sf(first.baseUrl()).login();
            id = sf.create("Lead", "{\"LastName\":\"Persisted\",\"Company\":\"X\",\"Email\":\"p@x.example\"}");
            sf.delete(Sf.V + "/sobjects/Lead/" + id);
            count = sf.query("SELECT COUNT() FROM Contact").map().get("totalSize").toString();
        }
        try (SalesforceEmulator second = SalesforceEmulator.start(0, "demo", file)) {
            Sf sf = new Sf(second.baseUrl()).login();
            assertEquals(count, sf.query("SELECT COUNT() FROM Contact").map().get("totalSize").toString());
            assertEquals("ENTITY_IS_DELETED", sf.get(Sf.V + "/sobjects/Lead/" + id).error().get("errorCode"));
            String next = sf.create("Lead", "{\"LastName\":\"After\",\"Company\":\"X\"}");
            assertEquals(18, next.length());
        }
    }
}
