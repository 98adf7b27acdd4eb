package io.tandem.domain.shared;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The JSON columns' text: the same text a JSON-P provider writes, and read back to the same values. */
class JsonTextTest {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static Map<String, Object> awkward() {
        Map<String, Object> clock = new LinkedHashMap<>();
        clock.put("at", "2026-01-01T00:00:00.123456Z");
        clock.put("by", "salesforce");
        clock.put("base", "O'Brien \"Zoë\" \\ 🚀 / </script>");
        clock.put("baseAt", null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("firstName", clock);
        m.put("score", 42);
        m.put("ratio", 1.0E10);
        m.put("amount", new BigDecimal("12.50"));
        m.put("flag", true);
        m.put("controls", "tab\there\nline\r\u0001\u001f\b\f");
        m.put("changed", new LinkedHashSet<>(List.of("firstName", "title")));
        m.put("empty", "");
        m.put("nested", Map.of());
        return m;
    }

    @Test
    void writesWhatAJsonPProviderWrites() {
        assertEquals(reference(awkward()).build().toString(), JsonText.write(awkward()));
    }

    @Test
    void writesJsonInsideAStringInOnePassAsItWouldInTwo() {
        StringBuilder twoPasses = new StringBuilder("[");
        JsonText.appendString(twoPasses, JsonText.write(awkward()));
        StringBuilder onePass = new StringBuilder("[");
        JsonText.appendAsString(onePass, awkward());
        assertEquals(twoPasses.toString(), onePass.toString());
        assertEquals(JsonText.write(awkward()), JSON.createReader(new java.io.StringReader(onePass + "]")).readArray().getString(0));
        StringBuilder nothing = new StringBuilder();
        JsonText.appendAsString(nothing, Map.of());
        assertEquals("null", nothing.toString());
    }

    @Test
    void readsBackWhatItWrote() {
        Map<String, Object> read = JsonText.read(JsonText.write(awkward()));
        @SuppressWarnings("unchecked")
        Map<String, Object> clock = (Map<String, Object>) read.get("firstName");
        assertEquals("O'Brien \"Zoë\" \\ 🚀 / </script>", clock.get("base"));
        assertEquals(new BigDecimal("42"), read.get("score"));
        assertEquals("tab\there\nline\r\u0001\u001f\b\f", read.get("controls"));
        assertEquals("[firstName, title]", read.get("changed"), "collections are kept as their text");
        assertEquals(Boolean.TRUE, read.get("flag"));
    }

    @Test
    void nothingToWriteIsNull() {
        assertNull(JsonText.write(Map.of()));
        assertNull(JsonText.write(null));
        assertEquals(Map.of(), JsonText.read(" "));
    }

    /** How the columns were written before: a JSON-P object tree. */
    private static JsonObjectBuilder reference(Map<?, ?> map) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (v == null) {
                b.addNull(key);
            } else if (v instanceof Boolean bool) {
                b.add(key, bool);
            } else if (v instanceof BigDecimal d) {
                b.add(key, d);
            } else if (v instanceof Number n) {
                b.add(key, new BigDecimal(n.toString()));
            } else if (v instanceof Map<?, ?> nested) {
                b.add(key, reference(nested));
            } else {
                b.add(key, v.toString());
            }
        });
        return b;
    }
}
