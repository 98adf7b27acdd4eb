package io.tandem.interfaces.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A request body that breaks its Bean Validation constraints answers 400 in the API's one error shape,
 * each violation named by its field within the body ({@code ids}, {@code contacts[3].email}), not by the
 * Java method and parameter it was found on.
 */
@Provider
public class ValidationErrors implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<ErrorResponse.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ErrorResponse.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(ErrorResponse.FieldError::field))
                .toList();
        return Response.status(Response.Status.BAD_REQUEST).type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(errors)).build();
    }

    static String field(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // an element of a list: its index goes on the list's name ("ids[3]"), its own name ("<list element>") nowhere
                if (node.getIndex() != null && !names.isEmpty()) {
                    names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
                }
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            names.add(node.getIndex() != null ? name + "[" + node.getIndex() + "]" : name);
        }
        String field = String.join(".", names).replace(".[", "[");
        return field.isEmpty() ? "body" : field;
    }
}
