package io.tandem.domain.shared;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small JSON objects of strings, numbers, booleans, nested objects and arrays, as the JSON columns hold them.
 * The provider is looked up once: {@code Json.createX} looks it up again on every call, which on
 * this path (every contact written) costs more than the rest of the work.
 */
public final class JsonText {

    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonText() {
    }

    /**
     * The map as JSON text: strings, numbers, booleans, nulls, nested maps and lists; anything else by its
     * {@code toString()}. Written straight into one builder: a JSON-P object tree per value cost a tenth
     * of an import's CPU (the field clocks and the sync log's detail of every record pass through here).
     */
    public static String write(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(64 * map.size());
        object(map, out);
        return out.toString();
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(String.valueOf(e.getKey()), out);
            out.append(':');
            value(e.getValue(), out);
        }
        out.append('}');
    }

    private static void value(Object v, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean bool) {
            out.append(bool.booleanValue());
        } else if (v instanceof BigDecimal d) {
            out.append(d);
        } else if (v instanceof Number n) {
            out.append(new BigDecimal(n.toString()));
        } else if (v instanceof Map<?, ?> nested) {
            object(nested, out);
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(list.get(i), out);
            }
            out.append(']');
        } else {
            string(v.toString(), out);
        }
    }

    /** Appends a string as a JSON string, or {@code null}. */
    public static void appendString(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
        } else {
            string(s, out);
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped, everything else as it is. */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        if (plain(s)) {
            // the usual case (names, ids, instants): copied in one go
            out.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
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

    /** A JSON array of the same kinds of values. */
    public static List<Object> readArray(String text) {
        List<Object> list = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return list;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            reader.readArray().forEach(v -> list.add(value(v)));
        }
        return list;
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
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                v.asJsonArray().forEach(x -> list.add(value(x)));
                yield list;
            }
        };
    }
}
