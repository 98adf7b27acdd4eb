package io.tandem.interfaces.rest;

import io.tandem.application.InvalidRequestException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies read as JSON-P values and turned into plain Java (String, BigDecimal, Boolean, Map, List, null). */
public final class JsonInput {

    private JsonInput() {
    }

    public static JsonObject object(JsonValue body, String what) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequestException(what, "must be a JSON object");
        }
        return body.asJsonObject();
    }

    public static Map<String, Object> map(JsonObject o) {
        Map<String, Object> m = new LinkedHashMap<>();
        o.forEach((k, v) -> m.put(k, plain(v)));
        return m;
    }

    public static Object plain(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case OBJECT -> map(v.asJsonObject());
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                v.asJsonArray().forEach(x -> list.add(plain(x)));
                yield list;
            }
        };
    }

    public static boolean flag(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL || v == JsonValue.FALSE) {
            return false;
        }
        if (v == JsonValue.TRUE) {
            return true;
        }
        throw new InvalidRequestException(name, "must be true or false");
    }

    public static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidRequestException(name, "must be a string");
        }
        return ((JsonString) v).getString();
    }

    /** A whole number, or null when absent. */
    public static Long number(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            throw new InvalidRequestException(name, "must be a whole number");
        }
        return ((JsonNumber) v).longValue();
    }

    /** A nested object as plain Java, or null when absent. */
    public static Map<String, Object> mapOrNull(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        return map(object(v, name));
    }

    /**
     * The array {@code name} of the body, each element an object, at most {@code max} of them (413 above):
     * {@code shape} says in the error what an element looks like.
     */
    public static List<JsonObject> objects(JsonObject body, String name, int max, String shape) {
        JsonValue list = body.get(name);
        if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidRequestException(name, "must be a list of " + shape);
        }
        if (list.asJsonArray().size() > max) {
            throw new io.tandem.application.TooLargeException(name, "holds " + list.asJsonArray().size() + "; at most " + max + " at once");
        }
        List<JsonObject> items = new ArrayList<>();
        for (JsonValue v : list.asJsonArray()) {
            items.add(object(v, name));
        }
        return items;
    }

    /** {@code now} → true, {@code skip} → false, absent → null (the setting decides). */
    public static Boolean sync(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase()) {
            case "now" -> true;
            case "skip" -> false;
            default -> throw new InvalidRequestException(field, "must be now or skip");
        };
    }
}
