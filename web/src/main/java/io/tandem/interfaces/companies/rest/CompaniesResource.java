package io.tandem.interfaces.companies.rest;

import io.tandem.application.Companies;
import io.tandem.application.Page;
import io.tandem.interfaces.rest.JsonInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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

import java.util.HashMap;
import java.util.Map;

/** Companies: create shared ones, list, read, rename, delete empty ones. */
@Path("companies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompaniesResource {

    @Inject
    Companies companies;

    @Operation(summary = "Create a company", description = "Role: operator.")
    @APIResponse(responseCode = "201", description = "The company")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @POST
    public Response create(JsonValue body, @Context UriInfo uri) {
        JsonObject o = JsonInput.object(body, "body");
        Companies.CompanyDetails created = companies.create(JsonInput.string(o, "name"), JsonInput.string(o, "website"));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build()).entity(created).build();
    }

    @Operation(summary = "List companies, searched by name or domain", description = "Role: viewer.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @GET
    public Page<Companies.CompanyDetails> list(@QueryParam("name") String name, @QueryParam("cursor") String cursor,
                                               @QueryParam("limit") Integer limit) {
        return companies.list(name, cursor, limit);
    }

    @Operation(summary = "A company", description = "Role: viewer.")
    @APIResponse(responseCode = "404", description = "No such record")
    @GET
    @Path("{id}")
    public Companies.CompanyDetails get(@PathParam("id") long id) {
        return companies.get(id);
    }

    @Operation(summary = "Change a company's name, website or fields", description = "Role: operator.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "404", description = "No such record")
    @PATCH
    @Path("{id}")
    public Companies.CompanyDetails change(@PathParam("id") long id, JsonValue body) {
        JsonObject o = JsonInput.object(body, "body");
        Map<String, Object> profile = new HashMap<>();
        for (String key : Companies.PROFILE) {
            if (o.containsKey(key)) {
                profile.put(key, JsonInput.plain(o.get(key)));
            }
        }
        return companies.change(id, JsonInput.string(o, "name"), JsonInput.string(o, "website"), o.containsKey("website"), profile);
    }

    @Operation(summary = "Delete a company; its contacts stay, without it", description = "Role: operator.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such record")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        companies.delete(id);
        return Response.noContent().build();
    }
}
