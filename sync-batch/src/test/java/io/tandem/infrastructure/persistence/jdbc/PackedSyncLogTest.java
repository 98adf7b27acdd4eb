package io.tandem.infrastructure.persistence.jdbc;

import io.tandem.domain.model.sync.RecordOutcome;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PackedSyncLogTest {

    @Test
    void aBatchPacksIntoOneJsonArrayThatReadsBackValueForValue() {
        List<RecordOutcome> outcomes = List.of(
                new RecordOutcome("00Q000000000001AAA", 7L, null, RecordOutcome.Outcome.CREATED, "new contact from this Lead",
                        Map.of("received", Map.of("lastName", "O'Brien \"🚀\"\tZoë\\"))),
                RecordOutcome.skipped(null, null, "no email"));
        JsonArray packed;
        try (var reader = Json.createReader(new StringReader(new String(JdbcSyncLog.packed(outcomes), StandardCharsets.UTF_8)))) {
            packed = reader.readArray();
        }
        assertEquals(2, packed.size());
        JsonArray first = packed.getJsonArray(0);
        assertEquals("00Q000000000001AAA", first.getString(0));
        assertEquals(7, first.getInt(1));
        assertEquals(JsonValue.NULL, first.get(2));
        assertEquals("CREATED", first.getString(3));
        assertEquals("{\"received\":{\"lastName\":\"O'Brien \\\"🚀\\\"\\tZoë\\\\\"}}", first.getString(5),
                "the detail is the record's own JSON text, kept as one string");
        JsonArray second = packed.getJsonArray(1);
        assertEquals(JsonValue.NULL, second.get(0));
        assertEquals("no email", second.getString(4));
        assertEquals(JsonValue.NULL, second.get(5), "no detail, no text");
    }
}
