package io.tandem.application;

/** A request body beyond its size limit; becomes a 413 naming the field and the limit. */
public class TooLargeException extends InvalidRequestException {

    public TooLargeException(String field, String message) {
        super(field, message);
    }
}
