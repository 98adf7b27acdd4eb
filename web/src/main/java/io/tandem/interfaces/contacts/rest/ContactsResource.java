package io.tandem.interfaces.contacts.rest;

import io.tandem.application.ContactDetails;
import io.tandem.application.ContactInput;
import io.tandem.application.Contacts;
import io.tandem.application.Page;
import io.tandem.application.UpsertOptions;
import io.tandem.interfaces.rest.JsonInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Contacts: upsert by email, list with filters and cursors, read, change, delete. */
@Path("contacts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactsResource {

    @Inject
    Contacts contacts;

    @Operation(summary = "Create a contact, or update the one with that email (?sync=now|skip)", description = "Role: operator.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @POST
    public Response upsert(JsonValue body, @QueryParam("sync") String sync, @Context UriInfo uri) {
        ContactInput input = new ContactInput(JsonInput.map(JsonInput.object(body, "body")));
        Contacts.Upserted result = ConflictRetry.once(() -> contacts.upsert(input, UpsertOptions.api(JsonInput.sync(sync, "sync"))));
        if (result.created()) {
            return Response.created(uri.getBaseUriBuilder().path("contacts").path(Long.toString(result.contact().id())).build())
                    .entity(result.contact()).build();
        }
        return Response.ok(result.contact()).build();
    }

    @Operation(summary = "List contacts: search (q), email, companyId, linked; cursor paging", description = "Role: viewer.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @GET
    public Page<ContactDetails> list(@QueryParam("email") String email, @QueryParam("q") String text,
                                     @QueryParam("companyId") Long companyId, @QueryParam("linked") Boolean linked,
                                     @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return contacts.list(blankToNull(email), blankToNull(text), companyId, linked, cursor, limit);
    }

    @Operation(summary = "A contact with its Salesforce link, field provenance and opportunities", description = "Role: viewer.")
    @APIResponse(responseCode = "404", description = "No such record")
    @GET
    @Path("{id}")
    public ContactDetails get(@PathParam("id") long id) {
        return contacts.get(id);
    }

    @Operation(summary = "Change some of a contact's fields (absent fields stay, null clears)", description = "Role: operator.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "404", description = "No such record")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @PATCH
    @Path("{id}")
    public ContactDetails patch(@PathParam("id") long id, JsonValue body) {
        ContactInput input = new ContactInput(JsonInput.map(JsonInput.object(body, "body")));
        return ConflictRetry.once(() -> contacts.patch(id, input));
    }

    /** Queues the contact for Salesforce now, with every field it has (contacts created with sync: skip). */
    @Operation(summary = "Send a contact to Salesforce with the next drain", description = "Role: operator.")
    @APIResponse(responseCode = "404", description = "No such record")
    @POST
    @Path("{id}/push")
    public Response push(@PathParam("id") long id) {
        return Response.accepted(contacts.push(id)).build();
    }

    @Operation(summary = "Delete a contact (and, per the settings, its Lead or Contact)", description = "Role: operator.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such record")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        contacts.delete(id);
        return Response.noContent().build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
