package io.tandem.domain.shared;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Flat JSON objects of strings, numbers and booleans, as the JSON columns hold them. */
public final class JsonText {

    private JsonText() {
    }

    public static String write(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return null;
        }
        JsonObjectBuilder b = Json.createObjectBuilder();
        map.forEach((k, v) -> {
            if (v == null) {
                b.addNull(k);
            } else if (v instanceof Boolean bool) {
                b.add(k, bool);
            } else if (v instanceof BigDecimal d) {
                b.add(k, d);
            } else if (v instanceof Number n) {
                b.add(k, new BigDecimal(n.toString()));
            } else if (v instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, ?> m = (Map<String, ?>) nested;
                b.add(k, Json.createReader(new StringReader(write(m) == null ? "{}" : write(m))).readObject());
            } else {
                b.add(k, v.toString());
            }
        });
        return b.build().toString();
    }

    public static Map<String, Object> read(String text) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return map;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject o = reader.readObject();
            o.forEach((k, v) -> map.put(k, value(v)));
        }
        return map;
    }

    private static Object value(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                v.asJsonObject().forEach((k, x) -> m.put(k, value(x)));
                yield m;
            }
            default -> v.toString();
        };
    }
}
