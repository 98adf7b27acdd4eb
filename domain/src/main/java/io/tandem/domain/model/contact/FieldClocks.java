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
 * database keeps; readers see the whole clocks either way. In memory a clock is a small object, not a
 * map: an import builds and writes eight of them for every contact it creates.
 */
final class FieldClocks {

    /** The key of the instant the short clocks share. */
    static final String STAMP = "~";

    private final Map<String, Clock> clocks;

    private FieldClocks(Map<String, Clock> clocks) {
        this.clocks = clocks;
    }

    /** One field's clock: when it changed here and from where, and the value last exchanged and when; each pair present or not. */
    private static final class Clock {
        private boolean changed;
        private String at;
        private String by;
        private boolean exchanged;
        private Object base;
        private String baseAt;

        /** A clock as stored whole: the pairs its keys hold. */
        static Clock of(Object stored) {
            Clock c = new Clock();
            if (stored instanceof Map<?, ?> m) {
                c.changed = m.containsKey("at") || m.containsKey("by");
                c.at = text(m.get("at"));
                c.by = text(m.get("by"));
                c.exchanged = m.containsKey("base") || m.containsKey("baseAt");
                c.base = m.get("base");
                c.baseAt = text(m.get("baseAt"));
            }
            return c;
        }

        /** A short clock read back: set by Salesforce to its value then, or exchanged empty then. */
        static Clock whole(List<?> shortClock, String stamp) {
            Clock c = new Clock();
            if (!shortClock.isEmpty()) {
                c.changed = true;
                c.at = stamp;
                c.by = SystemSource.SALESFORCE.code();
                c.base = shortClock.get(0);
            }
            c.exchanged = true;
            c.baseAt = stamp;
            return c;
        }

        /** Whether the clock can be stored short at the stamp: set by Salesforce to its value then, or exchanged empty then. */
        boolean shortens(String stamp) {
            if (!exchanged || !stamp.equals(baseAt)) {
                return false;
            }
            return !changed && base == null || changed && base != null && stamp.equals(at) && SystemSource.SALESFORCE.code().equals(by);
        }

        /** Its JSON: short ({@code [value]} or {@code []}) where it {@link #shortens} at the stamp (may be null), else whole. */
        void append(StringBuilder out, String stamp) {
            if (stamp != null && shortens(stamp)) {
                out.append('[');
                if (changed) {
                    JsonText.appendValue(out, base);
                }
                out.append(']');
                return;
            }
            // stored whole only where a form or a drain changed the field: rare in an import, where the short form rules
            JsonText.appendValue(out, whole());
        }

        Map<String, Object> whole() {
            Map<String, Object> m = new LinkedHashMap<>(8);
            if (changed) {
                m.put("at", at);
                m.put("by", by);
            }
            if (exchanged) {
                m.put("base", base);
                m.put("baseAt", baseAt);
            }
            return m;
        }

        private static String text(Object v) {
            return v == null ? null : v.toString();
        }
    }

    static FieldClocks of(String json) {
        Map<String, Object> state = JsonText.read(json);
        Object stamp = state.remove(STAMP);
        Map<String, Clock> clocks = new LinkedHashMap<>(Math.max(16, 2 * state.size()));
        state.forEach((field, stored) -> clocks.put(field, stamp != null && stored instanceof List<?> shortClock
                ? Clock.whole(shortClock, stamp.toString()) : Clock.of(stored)));
        return new FieldClocks(clocks);
    }

    /** Written straight into one text (through a map of maps and lists it was a tenth of an import's garbage). */
    String json() {
        if (clocks.isEmpty()) {
            return null;
        }
        String stamp = commonStamp();
        StringBuilder out = new StringBuilder(40 + 24 * clocks.size());
        out.append('{');
        if (stamp != null) {
            JsonText.appendString(out, STAMP);
            out.append(':');
            JsonText.appendString(out, stamp);
        }
        clocks.forEach((field, clock) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            JsonText.appendString(out, field);
            out.append(':');
            clock.append(out, stamp);
        });
        return out.append('}').toString();
    }

    /** The instant of the first clock that can be stored short, or null when none can. */
    private String commonStamp() {
        for (Clock clock : clocks.values()) {
            if (clock.baseAt != null && clock.shortens(clock.baseAt)) {
                return clock.baseAt;
            }
        }
        return null;
    }

    /** A local change: moves the field's clock, keeps its base. */
    void changed(String field, SystemSource by, Instant at) {
        changed(field, by, at.toString());
    }

    /** The same, with the instant already as text (a page applies one instant to many fields). */
    void changed(String field, SystemSource by, String at) {
        Clock clock = clock(field);
        clock.changed = true;
        clock.at = at;
        clock.by = by.code();
    }

    /** The value Salesforce and Tandem agreed on last, and when. */
    void exchanged(String field, Object value, Instant at) {
        exchanged(field, value, at.toString());
    }

    void exchanged(String field, Object value, String at) {
        Clock clock = clock(field);
        clock.exchanged = true;
        clock.base = value;
        clock.baseAt = at;
    }

    Instant changedAt(String field) {
        Clock clock = clocks.get(field);
        return clock == null || clock.at == null ? null : Instant.parse(clock.at);
    }

    Object base(String field) {
        Clock clock = clocks.get(field);
        return clock == null ? null : clock.base;
    }

    /** Every clock whole: {@code at} and {@code by} where the field changed here, {@code base} and {@code baseAt} where exchanged. */
    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        clocks.forEach((field, clock) -> view.put(field, clock.whole()));
        return Collections.unmodifiableMap(view);
    }

    private Clock clock(String field) {
        return clocks.computeIfAbsent(field, f -> new Clock());
    }
}
