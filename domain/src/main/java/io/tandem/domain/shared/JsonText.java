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
        object(map, out, false);
        return out.toString();
    }

    /**
     * Appends what {@code appendString(out, write(map))} appends, in one pass: the map's JSON text as a JSON
     * string, for JSON kept inside JSON (the sync log's packed records), without the text written first and
     * escaped after.
     */
    public static void appendAsString(StringBuilder out, Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            out.append("null");
            return;
        }
        out.append('"');
        object(map, out, true);
        out.append('"');
    }

    /** With {@code inString}, written as the contents of a JSON string: its quotes and backslashes escaped once more. */
    private static void object(Map<?, ?> map, StringBuilder out, boolean inString) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(String.valueOf(e.getKey()), out, inString);
            out.append(':');
            value(e.getValue(), out, inString);
        }
        out.append('}');
    }

    private static void value(Object v, StringBuilder out, boolean inString) {
        if (v instanceof String text) {
            // the usual value (names, titles, instants): asked first
            string(text, out, inString);
        } else if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean bool) {
            out.append(bool.booleanValue());
        } else if (v instanceof BigDecimal d) {
            out.append(d);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            out.append(((Number) v).longValue());
        } else if (v instanceof Number n) {
            out.append(new BigDecimal(n.toString()));
        } else if (v instanceof Map<?, ?> nested) {
            object(nested, out, inString);
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(list.get(i), out, inString);
            }
            out.append(']');
        } else {
            string(v.toString(), out, inString);
        }
    }

    /** Appends a value as {@link #write} writes it in a map: a string, number, boolean, null, map or list. */
    public static void appendValue(StringBuilder out, Object v) {
        value(v, out, false);
    }

    /** Appends a string as a JSON string, or {@code null}. */
    public static void appendString(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
        } else {
            string(s, out, false);
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped, everything else as it is. */
    private static void string(String s, StringBuilder out, boolean inString) {
        quote(out, inString);
        if (plain(s)) {
            // the usual case (names, ids, instants): copied in one go
            out.append(s);
            quote(out, inString);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> escape(out, "\\\"", inString);
                case '\\' -> escape(out, "\\\\", inString);
                case '\n' -> escape(out, "\\n", inString);
                case '\r' -> escape(out, "\\r", inString);
                case '\t' -> escape(out, "\\t", inString);
                case '\b' -> escape(out, "\\b", inString);
                case '\f' -> escape(out, "\\f", inString);
                default -> {
                    if (c < 0x20) {
                        escape(out, String.format("\\u%04x", (int) c), inString);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        quote(out, inString);
    }

    private static void quote(StringBuilder out, boolean inString) {
        if (inString) {
            out.append('\\');
        }
        out.append('"');
    }

    /** An escape sequence, itself escaped when it goes inside a JSON string. */
    private static void escape(StringBuilder out, String sequence, boolean inString) {
        if (!inString) {
            out.append(sequence);
            return;
        }
        for (int i = 0; i < sequence.length(); i++) {
            char c = sequence.charAt(i);
            if (c == '\\' || c == '"') {
                out.append('\\');
            }
            out.append(c);
        }
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
