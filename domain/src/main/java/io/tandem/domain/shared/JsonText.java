package io.tandem.domain.shared;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small JSON objects of strings, numbers, booleans and nested objects, as the JSON columns hold them.
 * The provider is looked up once: {@code Json.createX} looks it up again on every call, which on
 * this path (every contact written) costs more than the rest of the work.
 */
public final class JsonText {

    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonText() {
    }

    public static String write(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return null;
        }
        return object(map).build().toString();
    }

    private static JsonObjectBuilder object(Map<String, ?> map) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
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
                b.add(k, object(m));
            } else {
                b.add(k, v.toString());
            }
        });
        return b;
    }

    public static Map<String, Object> read(String text) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return map;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
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
