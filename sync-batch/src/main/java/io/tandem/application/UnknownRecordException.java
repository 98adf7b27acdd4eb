package io.tandem.application;

import jakarta.ejb.ApplicationException;

/** The record a request names does not exist; becomes a 404.
 * An application exception: the transaction rolls back, and the container logs no stack trace for it.
 */
@ApplicationException(rollback = true)
public class UnknownRecordException extends RuntimeException {

    public UnknownRecordException(String what, Object id) {
        super("No " + what + " with id " + id);
    }
}
