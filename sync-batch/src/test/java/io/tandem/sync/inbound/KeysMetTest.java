package io.tandem.sync.inbound;

import io.tandem.domain.model.contact.ExistingKeys;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysMetTest {

    @Test
    void everyKeyAddedIsMetAndFewOthersSeemSo() {
        int n = 300_000;
        KeysMet met = new KeysMet(n);
        for (int i = 0; i < n; i++) {
            met.add("003" + String.format("%015d", i));
        }
        for (int i = 0; i < n; i++) {
            assertTrue(met.mayHaveMet("003" + String.format("%015d", i)), "a key added is never missed");
        }
        int falseAlarms = 0;
        for (int i = 0; i < n; i++) {
            if (met.mayHaveMet("person" + i + "@company" + (i % 5000) + ".example")) {
                falseAlarms++;
            }
        }
        assertTrue(falseAlarms < n / 50, falseAlarms + " false alarms in " + n + ": at ten bits a key about 1 % is expected");
    }

    @Test
    void aFilterIsMadeOnlyWhereTheDatabaseHoldsKeyedRowsForFewerThanHalfTheImportsRecords() {
        ExistingKeys two = keys(List.of("0031", "ada@x.example"), 2);
        KeysMet met = KeysMet.forImport(4, two);
        assertNotNull(met);
        assertTrue(met.mayHaveMet("0031"));
        assertTrue(met.mayHaveMet("ada@x.example"));
        assertFalse(met.mayHaveMet("0032"));
        assertNull(KeysMet.forImport(3, two), "rows for half the import's records or more: every key looked up");
        assertNull(KeysMet.forImport(0, two));
    }

    private static ExistingKeys keys(List<String> all, long rows) {
        return new ExistingKeys() {
            @Override
            public long rowsUpTo(long limit) {
                return Math.min(limit, rows);
            }

            @Override
            public void forEach(Consumer<String> key) {
                all.forEach(key);
            }

            @Override
            public Map<String, Long> accountCompanies(int limit) {
                return Map.of();
            }
        };
    }
}
