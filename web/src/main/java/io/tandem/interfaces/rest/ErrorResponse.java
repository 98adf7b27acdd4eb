package io.tandem.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The one error shape of the API: {@code {"errors": [{"field", "message"}]}}. */
public record ErrorResponse(List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }

    public static ErrorResponse of(String field, String message) {
        return new ErrorResponse(List.of(new FieldError(field, message)));
    }

    public static Response response(Response.Status status, String field, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(of(field, message)).build();
    }
}
