package io.tandem.application;

import java.util.List;

/** The outcome for one contact of an upsert: created, updated (or unchanged), or failed with why. */
public record UpsertResult(String email, Long id, String status, List<FieldError> errors) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String FAILED = "failed";

    public static UpsertResult failed(String email, List<FieldError> errors) {
        return new UpsertResult(email, null, FAILED, errors);
    }

    public boolean isFailed() {
        return FAILED.equals(status);
    }
}
