package io.tandem.domain.model.contact;

import io.tandem.domain.shared.JsonText;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-field clocks of a contact, as its JSON column holds them: for each field when it last
 * changed here and from where ({@code at}, {@code by}), and the value last exchanged with Salesforce
 * ({@code base}, {@code baseAt}). Read once, changed, written once.
 *
 * <p>Most contacts come from Salesforce and keep what it sent: every field was set by Salesforce and
 * exchanged at the same instant. Those clocks are stored short, the instant once under {@value #STAMP}:
 * {@code "title": ["Engineer"]} is a field Salesforce set to that value then (its base), and
 * {@code "phone": []} one exchanged empty then and never changed here. Any other clock is stored whole.
 * The column is a fifth of the long form's size, which an import of a million contacts writes and a
 * database keeps; readers see the whole clocks either way.
 */
final class FieldClocks {

    /** The key of the instant the short clocks share. */
    static final String STAMP = "~";

    private final Map<String, Object> state;

    private FieldClocks(Map<String, Object> state) {
        this.state = state;
    }

    static FieldClocks of(String json) {
        Map<String, Object> state = JsonText.read(json);
        Object stamp = state.remove(STAMP);
        if (stamp != null) {
            state.replaceAll((field, clock) -> clock instanceof List<?> shortClock ? whole(shortClock, stamp.toString()) : clock);
        }
        return new FieldClocks(state);
    }

    String json() {
        String stamp = commonStamp();
        if (stamp == null) {
            return JsonText.write(state);
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put(STAMP, stamp);
        state.forEach((field, clock) -> stored.put(field, shortened((Map<?, ?>) clock, stamp)));
        return JsonText.write(stored);
    }

    private static Map<String, Object> whole(List<?> shortClock, String stamp) {
        Map<String, Object> clock = new LinkedHashMap<>();
        if (!shortClock.isEmpty()) {
            clock.put("at", stamp);
            clock.put("by", SystemSource.SALESFORCE.code());
        }
        clock.put("base", shortClock.isEmpty() ? null : shortClock.get(0));
        clock.put("baseAt", stamp);
        return clock;
    }

    /** The instant of the first clock that can be stored short, or null when none can. */
    private String commonStamp() {
        for (Object clock : state.values()) {
            if (clock instanceof Map<?, ?> m && m.get("baseAt") != null && shortened(m, m.get("baseAt").toString()) instanceof List) {
                return m.get("baseAt").toString();
            }
        }
        return null;
    }

    /** The short form of a clock set by Salesforce (or exchanged empty) at the stamp; the clock itself otherwise. */
    private static Object shortened(Map<?, ?> clock, String stamp) {
        if (!stamp.equals(clock.get("baseAt"))) {
            return clock;
        }
        Object base = clock.get("base");
        if (clock.size() == 2 && clock.containsKey("base") && base == null) {
            return List.of();
        }
        if (clock.size() == 4 && base != null && stamp.equals(clock.get("at"))
                && SystemSource.SALESFORCE.code().equals(clock.get("by"))) {
            return List.of(base);
        }
        return clock;
    }

    /** A local change: moves the field's clock, keeps its base. */
    void changed(String field, SystemSource by, Instant at) {
        changed(field, by, at.toString());
    }

    /** The same, with the instant already as text (a page applies one instant to many fields). */
    void changed(String field, SystemSource by, String at) {
        Map<String, Object> clock = clock(field);
        clock.put("at", at);
        clock.put("by", by.code());
    }

    /** The value Salesforce and Tandem agreed on last, and when. */
    void exchanged(String field, Object value, Instant at) {
        exchanged(field, value, at.toString());
    }

    void exchanged(String field, Object value, String at) {
        Map<String, Object> clock = clock(field);
        clock.put("base", value);
        clock.put("baseAt", at);
    }

    Instant changedAt(String field) {
        Object clock = state.get(field);
        Object at = clock instanceof Map<?, ?> m ? m.get("at") : null;
        return at == null ? null : Instant.parse(at.toString());
    }

    Object base(String field) {
        Object clock = state.get(field);
        return clock instanceof Map<?, ?> m ? m.get("base") : null;
    }

    Map<String, Object> view() {
        return Collections.unmodifiableMap(state);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> clock(String field) {
        Object existing = state.get(field);
        if (existing instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        Map<String, Object> clock = new LinkedHashMap<>();
        state.put(field, clock);
        return clock;
    }
}
