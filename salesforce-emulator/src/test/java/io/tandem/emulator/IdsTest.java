package io.tandem.emulator;

import io.tandem.emulator.org.Ids;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {

    @Test
    void checksumMatchesRealIds() {
        assertEquals("001D000000IqhSLIAZ", Ids.to18("001D000000IqhSL"));
        assertEquals("003RO0000035WQgYAM", Ids.to18("003RO0000035WQg"));
    }

    @Test
    void normalizesFifteenAndEighteenCharacterFormsAndRejectsTheRest() {
        assertEquals("001D000000IqhSLIAZ", Ids.normalize("001D000000IqhSL"));
        assertEquals("001D000000IqhSLIAZ", Ids.normalize("001D000000IqhSLiaz"));
        assertNull(Ids.normalize("001D000000IqhSLXXX"));
        assertNull(Ids.normalize("not-an-id"));
        assertNull(Ids.normalize(null));
    }

    @Test
    void generatedIdsAreUniqueMixedCaseAndValid() {
        Ids ids = new Ids(0);
        Set<String> seen = new HashSet<>();
        boolean lower = false;
        for (int i = 0; i < 100_000; i++) {
            String id = ids.next("00Q");
            assertTrue(seen.add(id), "duplicate " + id);
            assertEquals(id, Ids.normalize(id));
            lower |= !id.substring(5, 15).equals(id.substring(5, 15).toUpperCase());
        }
        assertTrue(lower, "ids are mixed case, so case-folding bugs show");
    }
}
