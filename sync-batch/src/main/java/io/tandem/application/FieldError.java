package io.tandem.application;

/** One thing wrong with an input: which field, and why. */
public record FieldError(String field, String message) {
}
