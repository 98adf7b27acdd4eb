package io.tandem.interfaces.actions.rest;

import io.tandem.application.Actions;
import io.tandem.application.InvalidRequestException;
import io.tandem.application.Page;
import io.tandem.interfaces.rest.JsonInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Salesforce actions: {@code POST /actions} with {@code {"action": "task|campaign|queue|push", "contacts":
 * {"ids": […]} or {"filter": {…}}, …parameters}} answers 202 with the action (its {@code id}); {@code GET
 * /actions/{id}} shows how far it is, {@code /actions/{id}/contacts} each contact's outcome.
 */
@Path("actions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActionsResource {

    @Inject
    Actions actions;

    @Operation(summary = "Ask Salesforce for an action on contacts", description = "Task, add to a campaign, a Lead to a queue, or push; contacts by ids (up to 10,000) or by a filter (resolved by the salesforce-push job). Role: operator.")
    @APIResponse(responseCode = "202", description = "The action, with its id")
    @APIResponse(responseCode = "400", description = "A parameter is missing or wrong (field and reason)")
    @APIResponse(responseCode = "413", description = "More than 10,000 ids")
    @POST
    public Response request(JsonValue body, @Context UriInfo uri) {
        JsonObject o = JsonInput.object(body, "body");
        Map<String, Object> parameters = new LinkedHashMap<>(JsonInput.map(o));
        parameters.remove("action");
        parameters.remove("contacts");
        Actions.ActionView made = actions.request(JsonInput.string(o, "action"), selection(o), parameters);
        return Response.accepted(made).location(uri.getAbsolutePathBuilder().path(Long.toString(made.id())).build()).build();
    }

    @Operation(summary = "List actions, newest first", description = "Role: viewer.")
    @GET
    public Page<Actions.ActionView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return actions.list(cursor, limit);
    }

    @Operation(summary = "One action: its counts and first 100 outcomes", description = "Role: viewer.")
    @APIResponse(responseCode = "404", description = "No such action")
    @GET
    @Path("{id}")
    public Actions.ActionView get(@PathParam("id") long id) {
        return actions.get(id);
    }

    @Operation(summary = "Each contact's outcome of an action", description = "Filter by status: waiting, done, failed, skipped. Role: viewer.")
    @APIResponse(responseCode = "404", description = "No such action")
    @GET
    @Path("{id}/contacts")
    public Page<Actions.TargetView> contacts(@PathParam("id") long id, @QueryParam("status") String status,
                                             @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return actions.targets(id, status, cursor, limit);
    }

    private static Actions.Selection selection(JsonObject o) {
        JsonValue contacts = o.get("contacts");
        if (contacts == null || contacts == JsonValue.NULL) {
            throw new InvalidRequestException("contacts", "is required: {\"ids\":[…]} or {\"filter\":{…}}");
        }
        JsonObject c = JsonInput.object(contacts, "contacts");
        List<Long> ids = null;
        if (c.containsKey("ids") && c.get("ids") != JsonValue.NULL) {
            if (c.get("ids").getValueType() != JsonValue.ValueType.ARRAY) {
                throw new InvalidRequestException("contacts.ids", "must be a list of contact ids");
            }
            if (c.getJsonArray("ids").size() > Actions.MAX_IDS) {
                throw new io.tandem.application.TooLargeException("contacts.ids", "at most " + Actions.MAX_IDS + " ids (a filter chooses any number)");
            }
            ids = new ArrayList<>();
            for (JsonValue v : c.getJsonArray("ids")) {
                if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
                    throw new InvalidRequestException("contacts.ids", "must be whole numbers");
                }
                ids.add(((JsonNumber) v).longValue());
            }
        }
        return new Actions.Selection(ids, JsonInput.mapOrNull(c, "filter"));
    }
}
