package io.tandem.domain.model.workflow;

import io.tandem.domain.shared.InvalidValueException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * When a workflow runs: a contact created; a field changed to a value (compared as text, whatever its case;
 * a created contact's fields count as changed from nothing); a form submitted (any, or one named form); a
 * contact added to a campaign (any, or one campaign).
 */
public record Trigger(Type type, String field, String value, String form, Long campaignId) {

    public enum Type {
        CONTACT_CREATED, FIELD_CHANGED, FORM_SUBMITTED, ADDED_TO_CAMPAIGN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Type parse(String code) {
            return Arrays.stream(values()).filter(t -> t.code().equals(code == null ? "" : code.trim().toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new InvalidValueException("trigger.type",
                            "must be one of contact_created, field_changed, form_submitted, added_to_campaign"));
        }
    }

    /** What happened to a contact, as a trigger sees it. */
    public record Change(Type type, String field, Object value, String form, Long campaignId) {

        public static Change created() {
            return new Change(Type.CONTACT_CREATED, null, null, null, null);
        }

        public static Change field(String field, Object value) {
            return new Change(Type.FIELD_CHANGED, field, value, null, null);
        }

        public static Change form(String form) {
            return new Change(Type.FORM_SUBMITTED, null, null, form, null);
        }

        public static Change addedTo(long campaignId) {
            return new Change(Type.ADDED_TO_CAMPAIGN, null, null, null, campaignId);
        }

        /** In words, for the run's record. */
        public String describe() {
            return switch (type) {
                case CONTACT_CREATED -> "contact created";
                case FIELD_CHANGED -> field + " changed to " + (value == null ? "nothing" : "\"" + value + "\"");
                case FORM_SUBMITTED -> "form " + (form == null ? "" : "\"" + form + "\" ") + "submitted";
                case ADDED_TO_CAMPAIGN -> "added to campaign " + campaignId;
            };
        }
    }

    /** A trigger from its JSON shape, checked: a field change names the field; the rest of the names fit the type. */
    public static Trigger of(Map<String, Object> spec) {
        if (spec == null) {
            throw new InvalidValueException("trigger", "is required: {\"type\": …}");
        }
        Type type = Type.parse(spec.get("type") == null ? null : spec.get("type").toString());
        String field = text(spec, "field");
        String value = text(spec, "value");
        String form = text(spec, "form");
        Long campaign;
        try {
            campaign = spec.get("campaignId") == null ? null : Long.valueOf(spec.get("campaignId").toString());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("trigger.campaignId", "must be a whole number");
        }
        if (type == Type.FIELD_CHANGED && field == null) {
            throw new InvalidValueException("trigger.field", "is required for field_changed: the contact field to watch");
        }
        if (type != Type.FIELD_CHANGED && (field != null || value != null)) {
            throw new InvalidValueException("trigger.field", "only field_changed watches a field");
        }
        if (type != Type.FORM_SUBMITTED && form != null) {
            throw new InvalidValueException("trigger.form", "only form_submitted names a form");
        }
        if (type != Type.ADDED_TO_CAMPAIGN && campaign != null) {
            throw new InvalidValueException("trigger.campaignId", "only added_to_campaign names a campaign");
        }
        return new Trigger(type, field, value, form, campaign);
    }

    public boolean firesOn(Change change) {
        if (change.type() != type) {
            return false;
        }
        return switch (type) {
            case CONTACT_CREATED -> true;
            case FIELD_CHANGED -> field.equalsIgnoreCase(change.field())
                    && (value == null ? change.value() == null : change.value() != null && value.equalsIgnoreCase(change.value().toString().trim()));
            case FORM_SUBMITTED -> form == null || (change.form() != null && form.equalsIgnoreCase(change.form().trim()));
            case ADDED_TO_CAMPAIGN -> campaignId == null || Objects.equals(campaignId, change.campaignId());
        };
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type.code());
        putIfGiven(m, "field", field);
        putIfGiven(m, "value", value);
        putIfGiven(m, "form", form);
        putIfGiven(m, "campaignId", campaignId);
        return m;
    }

    private static void putIfGiven(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static String text(Map<String, Object> spec, String name) {
        Object v = spec.get(name);
        if (v == null || v.toString().isBlank()) {
            return null;
        }
        if (v.toString().length() > 255) {
            throw new InvalidValueException("trigger." + name, "is longer than 255 characters");
        }
        return v.toString().trim();
    }
}
