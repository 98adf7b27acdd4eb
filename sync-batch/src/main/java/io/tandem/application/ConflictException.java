package io.tandem.application;

/** A request that conflicts with the current state (deleting what is still in use); becomes a 409. */
public class ConflictException extends InvalidRequestException {

    public ConflictException(String field, String message) {
        super(field, message);
    }
}
