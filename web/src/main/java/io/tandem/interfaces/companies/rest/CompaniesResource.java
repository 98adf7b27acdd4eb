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

    @POST
    public Response create(JsonValue body, @Context UriInfo uri) {
        JsonObject o = JsonInput.object(body, "body");
        Companies.CompanyDetails created = companies.create(JsonInput.string(o, "name"), JsonInput.string(o, "website"));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build()).entity(created).build();
    }

    @GET
    public Page<Companies.CompanyDetails> list(@QueryParam("name") String name, @QueryParam("cursor") String cursor,
                                               @QueryParam("limit") Integer limit) {
        return companies.list(name, cursor, limit);
    }

    @GET
    @Path("{id}")
    public Companies.CompanyDetails get(@PathParam("id") long id) {
        return companies.get(id);
    }

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

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        companies.delete(id);
        return Response.noContent().build();
    }
}
