package io.tandem.application;

import jakarta.ejb.ApplicationException;

import java.util.List;

/** An input with one or more field errors; becomes a 400 listing them all.
 * An application exception: the transaction rolls back, and the container logs no stack trace for it.
 */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
