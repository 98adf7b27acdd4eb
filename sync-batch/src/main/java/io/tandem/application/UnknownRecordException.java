package io.tandem.application;

/** The record a request names does not exist; becomes a 404. */
public class UnknownRecordException extends RuntimeException {

    public UnknownRecordException(String what, Object id) {
        super("No " + what + " with id " + id);
    }
}
