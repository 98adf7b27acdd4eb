package io.tandem.interfaces.settings.rest;

import io.tandem.application.FieldBackfill;
import io.tandem.application.FieldMappings;
import io.tandem.application.MaxSize;
import io.tandem.application.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The field mappings (§3): read by everyone; added, changed and removed by an admin, each checked against
 * the org's describe before it is saved (400 naming the Salesforce field and why, with the closest names
 * when it does not exist).
 */
@Path("settings/field-mappings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FieldMappingsResource {

    /** A new mapping, or a change: a name left out stays as it is, an empty one unmaps that object. */
    public record MappingInput(@MaxSize(48) String field, @MaxSize(80) String lead, @MaxSize(80) String contact,
                               @MaxSize(80) String account, @MaxSize(32) String mode) {

        FieldMappings.Change change() {
            return new FieldMappings.Change(lead, contact, account, mode);
        }
    }

    @Inject
    FieldMappings mappings;
    @Inject
    FieldBackfill backfill;

    @Operation(summary = "Every field mapping with its Salesforce names, type and mode", description = "Role: viewer.")
    @GET
    public Page<FieldMappings.Mapping> all() {
        return Page.all(mappings.all());
    }

    @Operation(summary = "One field's mapping", description = "Role: viewer.")
    @APIResponse(responseCode = "404", description = "No such record")
    @GET
    @Path("{field}")
    public FieldMappings.Mapping get(@PathParam("field") String field) {
        return mappings.get(field);
    }

    @Operation(summary = "Map a field (checked against the org's describe)", description = "Role: admin.")
    @APIResponse(responseCode = "201", description = "The mapping")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "409", description = "No connection, or the field is mapped already")
    @POST
    public Response add(@Valid MappingInput body) {
        MappingInput in = body == null ? new MappingInput(null, null, null, null, null) : body;
        return Response.status(Response.Status.CREATED).entity(mappings.add(in.field(), in.change())).build();
    }

    @Operation(summary = "Change a mapping or its mode", description = "Role: admin.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "404", description = "No such record")
    @PUT
    @Path("{field}")
    public FieldMappings.Saved change(@PathParam("field") String field, @Valid MappingInput body) {
        MappingInput in = body == null ? new MappingInput(null, null, null, null, null) : body;
        return mappings.change(field, in.change());
    }

    /**
     * What filling in the field costs ({@code dryRun=true}), or that, with the backfill job started (202);
     * {@code bulkFrom}: the linked records of an object from which it is read with a Bulk query.
     */
    @Operation(summary = "Estimate (dryRun) or start a backfill of a mapped field", description = "Role: admin.")
    @APIResponse(responseCode = "202", description = "The backfill started")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "404", description = "No such record")
    @POST
    @Path("{field}/backfill")
    public Response backfill(@PathParam("field") String field, @QueryParam("dryRun") boolean dryRun,
                             @QueryParam("bulkFrom") Long bulkFrom) {
        FieldBackfill.Backfill b = backfill.backfill(field, dryRun, bulkFrom);
        return Response.status(dryRun ? Response.Status.OK : Response.Status.ACCEPTED).entity(b).build();
    }

    @Operation(summary = "Stop syncing a custom field", description = "Role: admin.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such record")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @DELETE
    @Path("{field}")
    public Response remove(@PathParam("field") String field) {
        mappings.remove(field);
        return Response.noContent().build();
    }
}
