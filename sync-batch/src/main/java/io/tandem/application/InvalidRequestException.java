package io.tandem.application;

import jakarta.ejb.ApplicationException;

/** A request that breaks a rule; names the field and the reason, and becomes a 400.
 * An application exception: the transaction rolls back, and the container logs no stack trace for it.
 */
@ApplicationException(rollback = true)
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
