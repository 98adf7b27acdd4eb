package io.tandem.interfaces.rest;

import io.tandem.application.ConflictException;
import io.tandem.application.TooLargeException;
import io.tandem.application.InvalidInputException;
import io.tandem.application.InvalidRequestException;
import io.tandem.application.UnknownRecordException;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into the API's error shape with a 4xx where the caller is at fault, and a 500
 * without internals otherwise (the trace goes to the server log, never to the caller).
 */
@Provider
public class ErrorMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (e instanceof InvalidInputException input) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorResponse(input.errors().stream()
                            .map(f -> new ErrorResponse.FieldError(f.field(), f.message())).toList())).build();
        }
        if (e instanceof TooLargeException tooLarge) {
            return ErrorResponse.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, tooLarge.field(), tooLarge.getMessage());
        }
        if (e instanceof ConflictException conflict) {
            return ErrorResponse.response(Response.Status.CONFLICT, conflict.field(), conflict.getMessage());
        }
        if (e instanceof InvalidRequestException invalid) {
            return ErrorResponse.response(Response.Status.BAD_REQUEST, invalid.field(), invalid.getMessage());
        }
        if (e instanceof UnknownRecordException unknown) {
            return ErrorResponse.response(Response.Status.NOT_FOUND, "id", unknown.getMessage());
        }
        if (isAccessDenied(e)) {
            return ErrorResponse.response(Response.Status.FORBIDDEN, null, "Your role does not allow this");
        }
        if (e instanceof JsonbException || e instanceof JsonParsingException || e instanceof ProcessingException) {
            return ErrorResponse.response(Response.Status.BAD_REQUEST, "body", "Malformed JSON: " + rootMessage(e));
        }
        if (e instanceof WebApplicationException web) {
            Response r = web.getResponse();
            if (r.getStatus() == 400 && r.getEntity() == null) {
                return ErrorResponse.response(Response.Status.BAD_REQUEST, "body", "Malformed request: " + rootMessage(e));
            }
            return r.hasEntity() ? r : ErrorResponse.response(Response.Status.fromStatusCode(r.getStatus()), null,
                    r.getStatusInfo().getReasonPhrase());
        }
        LOG.log(Level.SEVERE, "Unexpected failure answering a request", thrown);
        return ErrorResponse.response(Response.Status.INTERNAL_SERVER_ERROR, null,
                "Internal error; the server log has the details");
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t instanceof EJBException && !isAccessDenied(t) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isAccessDenied(Throwable e) {
        return e instanceof EJBAccessException || e instanceof AccessLocalException || e instanceof SecurityException;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
