package io.tandem.domain.model.contact;

import io.tandem.domain.shared.JsonText;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-field clocks of a contact, as its JSON column holds them: for each field when it last
 * changed here and from where ({@code at}, {@code by}), and the value last exchanged with Salesforce
 * ({@code base}, {@code baseAt}). Read once, changed, written once.
 */
final class FieldClocks {

    private final Map<String, Object> state;

    private FieldClocks(Map<String, Object> state) {
        this.state = state;
    }

    static FieldClocks of(String json) {
        return new FieldClocks(JsonText.read(json));
    }

    String json() {
        return JsonText.write(state);
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
