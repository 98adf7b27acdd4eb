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
        Map<String, Object> clock = clock(field);
        clock.put("at", at.toString());
        clock.put("by", by.code());
    }

    /** The value Salesforce and Tandem agreed on last, and when. */
    void exchanged(String field, Object value, Instant at) {
        Map<String, Object> clock = clock(field);
        clock.put("base", value);
        clock.put("baseAt", at.toString());
    }

    Instant changedAt(String field) {
        Object at = clock(field).get("at");
        return at == null ? null : Instant.parse(at.toString());
    }

    Object base(String field) {
        return clock(field).get("base");
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
