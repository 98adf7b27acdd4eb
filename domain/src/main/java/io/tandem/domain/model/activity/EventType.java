package io.tandem.domain.model.activity;

import io.tandem.domain.shared.InvalidValueException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** What a marketing event was, with the words its Task's subject starts with and the detail that names it. */
public enum EventType {
    FORM_SUBMITTED("Form submitted", "form"),
    EMAIL_CLICKED("Email clicked", "email"),
    PAGE_VISITED("Page visited", "url");

    private final String label;
    private final String namingDetail;

    EventType(String label, String namingDetail) {
        this.label = label;
        this.namingDetail = namingDetail;
    }

    /** As the API writes it: {@code form_submitted}, {@code email_clicked}, {@code page_visited}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** The subject's words: the label, then what the event was about when the details say (a form's name, an email, a URL). */
    public String describe(Map<String, Object> details) {
        Object named = details.get(namingDetail);
        return named == null || named.toString().isBlank() ? label : label + ": " + named.toString().trim();
    }

    public static EventType parse(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code == null ? "" : code.trim().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new InvalidValueException("type", "must be one of form_submitted, email_clicked, page_visited"));
    }
}
