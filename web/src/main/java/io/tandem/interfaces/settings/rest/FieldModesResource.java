package io.tandem.interfaces.settings.rest;

import io.tandem.application.Page;
import io.tandem.application.FieldModes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;


/** The mapped fields and their sync modes (§3): read by everyone, a mode changed by an admin. */
@Path("settings/field-mappings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FieldModesResource {

    public record ModeChange(String mode) {
    }

    @Inject
    FieldModes modes;

    @GET
    public Page<FieldModes.Mapping> all() {
        return Page.all(modes.all());
    }

    @PUT
    @Path("{field}")
    public FieldModes.Mapping change(@PathParam("field") String field, ModeChange body) {
        return modes.change(field, body == null ? null : body.mode());
    }
}
