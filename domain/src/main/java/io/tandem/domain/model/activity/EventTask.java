package io.tandem.domain.model.activity;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The completed Salesforce Task an event becomes: on the Lead or Contact ({@code WhoId}), dated the day it
 * happened (UTC), its subject the event in words, its description the details one per line. The subject
 * ends with the event's mark ({@code [Tandem event 42]}), which is how a push that may have reached
 * Salesforce before a crash finds the Task it made instead of making a second one.
 */
public final class EventTask {

    /** Salesforce's Subject holds 255 characters. */
    static final int SUBJECT = 255;
    static final int DESCRIPTION = 32_000;

    /** What every event's mark starts with. */
    public static final String MARK = "[Tandem event ";

    private EventTask() {
    }

    /** The mark that ends the Task's subject. */
    public static String mark(long eventId) {
        return MARK + eventId + "]";
    }

    public static String subject(ContactEvent e) {
        String mark = " " + mark(e.id());
        String words = e.type().describe(e.details()).replaceAll("\\s+", " ");
        if (words.length() + mark.length() > SUBJECT) {
            words = words.substring(0, SUBJECT - mark.length() - 1) + "…";
        }
        return words + mark;
    }

    /** The Task's fields, by Salesforce's names. */
    public static Map<String, Object> fields(ContactEvent e, String whoId, String subtype) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("WhoId", whoId);
        f.put("Subject", subject(e));
        f.put("Status", "Completed");
        f.put("Priority", "Normal");
        f.put("ActivityDate", e.occurredAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
        f.put("TaskSubtype", subtype);
        f.put("Description", description(e));
        return f;
    }

    static String description(ContactEvent e) {
        StringBuilder sb = new StringBuilder(e.type().label()).append(" at ").append(e.occurredAt()).append(" (from Tandem)");
        e.details().forEach((k, v) -> sb.append('\n').append(k).append(": ").append(v));
        return sb.length() > DESCRIPTION ? sb.substring(0, DESCRIPTION - 1) + "…" : sb.toString();
    }
}
