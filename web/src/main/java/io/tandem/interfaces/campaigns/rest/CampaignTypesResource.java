package io.tandem.interfaces.campaigns.rest;

import io.tandem.application.CampaignTypes;
import io.tandem.application.InvalidRequestException;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * Campaign types: {@code {"name", "statuses":[{"label", "default", "responded"}]}}, the statuses in order.
 * Everyone reads them; operators define, rename, reorder and change them, and delete unused ones.
 */
@Path("campaign-types")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignTypesResource {

    @Inject
    CampaignTypes types;

    @Operation(summary = "Campaign types with their member statuses", description = "Role: viewer.")
    @GET
    public Page<CampaignTypes.TypeView> list() {
        return Page.all(types.list());
    }

    @Operation(summary = "One campaign type", description = "Role: viewer.")
    @APIResponse(responseCode = "404", description = "No such record")
    @GET
    @Path("{id}")
    public CampaignTypes.TypeView get(@PathParam("id") long id) {
        return types.get(id);
    }

    @Operation(summary = "Define a campaign type: statuses in order, one default, at least one responded", description = "Role: operator.")
    @APIResponse(responseCode = "201", description = "The type")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @POST
    public Response define(JsonValue body, @Context UriInfo uri) {
        JsonObject o = JsonInput.object(body, "body");
        CampaignTypes.TypeView created = types.define(JsonInput.string(o, "name"), statuses(o));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build()).entity(created).build();
    }

    /** A new name and/or the whole list of statuses in their new order. */
    @Operation(summary = "Rename a type, reorder, add or remove statuses (one members are in stays)", description = "Role: operator.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "404", description = "No such record")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @PATCH
    @Path("{id}")
    public CampaignTypes.TypeView change(@PathParam("id") long id, JsonValue body) {
        JsonObject o = JsonInput.object(body, "body");
        return types.change(id, JsonInput.string(o, "name"), o.containsKey("statuses") ? statuses(o) : null);
    }

    @Operation(summary = "Delete a type no campaign uses", description = "Role: operator.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such record")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        types.delete(id);
        return Response.noContent().build();
    }

    private static List<CampaignTypes.StatusView> statuses(JsonObject o) {
        JsonValue v = o.get("statuses");
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidRequestException("statuses", "must be a list of {\"label\", \"default\", \"responded\"}");
        }
        List<CampaignTypes.StatusView> statuses = new ArrayList<>();
        for (JsonValue s : v.asJsonArray()) {
            JsonObject status = JsonInput.object(s, "statuses");
            statuses.add(new CampaignTypes.StatusView(JsonInput.string(status, "label"), JsonInput.flag(status, "default"),
                    JsonInput.flag(status, "responded")));
        }
        return statuses;
    }
}
