package io.tandem.interfaces.imports.rest;

import io.tandem.interfaces.rest.ErrorResponse;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses an upload larger than TANDEM_IMPORT_MAX_MB before a byte of it is read: the multipart
 * parser would otherwise spool all of it to disk first. The size comes from Content-Length, which
 * browsers, curl and HTTP libraries send with a file; an upload without one is refused too (411). The
 * store itself stops at the same limit, whatever the header said.
 */
@Provider
@PreMatching
public class UploadLimit implements ContainerRequestFilter {

    /** Read here, not injected: the JAX-RS runtime, not CDI, makes providers. */
    private final long maxMb = ConfigProvider.getConfig().getOptionalValue("tandem.import.max.mb", Long.class).orElse(512L);

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod()) || !request.getUriInfo().getPath().replaceAll("/+$", "").endsWith("imports")) {
            return;
        }
        String header = request.getHeaderString("Content-Length");
        long length;
        try {
            length = header == null ? -1 : Long.parseLong(header.trim()); // getLength() is an int: 2 GB would not fit
        } catch (NumberFormatException e) {
            request.abortWith(ErrorResponse.response(Response.Status.BAD_REQUEST, "Content-Length", "is not a number"));
            return;
        }
        if (length < 0) {
            request.abortWith(ErrorResponse.response(Response.Status.LENGTH_REQUIRED, "file",
                    "send the upload with a Content-Length (its size is checked against the limit of " + maxMb + " MB)"));
        } else if (length > maxMb * 1024 * 1024) {
            request.abortWith(ErrorResponse.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, "file",
                    "is larger than the limit of " + maxMb + " MB (TANDEM_IMPORT_MAX_MB)"));
        }
    }
}
