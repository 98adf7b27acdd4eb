package io.tandem.application;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Instants as requests give them: ISO-8601 text, refused with the field's name when it is not. */
final class Instants {

    private Instants() {
    }

    /** The instant, or null when the text is absent. */
    static Instant parse(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be an ISO-8601 instant such as 2026-01-31T09:00:00Z");
        }
    }
}
