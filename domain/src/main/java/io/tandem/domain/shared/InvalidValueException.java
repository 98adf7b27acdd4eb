package io.tandem.domain.shared;

/** A value that breaks a rule of the domain; names the field, so the caller can say which. */
public class InvalidValueException extends RuntimeException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
