package io.tandem.interfaces.conflicts.rest;

import io.tandem.application.Conflicts;
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
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;

/**
 * The conflicts inbox: {@code GET ?open=true|false} (open ones by default), {@code POST /{id}/resolve
 * {"choice": "keep|send_other"}}, {@code POST /resolve {"ids": […], "choice"}} (up to 1,000).
 */
@Path("conflicts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConflictsResource {

    @Inject
    Conflicts conflicts;

    @Operation(summary = "The conflicts inbox", description = "Open conflicts by default; open=false for all. Role: viewer.")
    @GET
    public Page<Conflicts.ConflictView> list(@QueryParam("open") Boolean open, @QueryParam("cursor") String cursor,
                                             @QueryParam("limit") Integer limit) {
        return conflicts.list(open == null || open, cursor, limit);
    }

    @Operation(summary = "Resolve one conflict", description = "choice keep or send_other. Role: operator.")
    @APIResponse(responseCode = "400", description = "choice is wrong")
    @APIResponse(responseCode = "404", description = "No such conflict")
    @APIResponse(responseCode = "409", description = "Resolved already")
    @POST
    @Path("{id}/resolve")
    public Conflicts.ConflictView resolve(@PathParam("id") long id, JsonValue body) {
        return conflicts.resolve(List.of(id), JsonInput.string(JsonInput.object(body, "body"), "choice")).get(0);
    }

    @Operation(summary = "Resolve up to 1,000 conflicts", description = "Role: operator.")
    @APIResponse(responseCode = "400", description = "ids or choice is wrong")
    @APIResponse(responseCode = "404", description = "No such conflict")
    @APIResponse(responseCode = "413", description = "More than 1,000 ids")
    @POST
    @Path("resolve")
    public Page<Conflicts.ConflictView> resolveAll(JsonValue body) {
        JsonObject o = JsonInput.object(body, "body");
        if (!(o.get("ids") instanceof jakarta.json.JsonArray list)) {
            throw new InvalidRequestException("ids", "must be a list of conflict ids");
        }
        if (list.size() > Conflicts.MAX_BULK) {
            throw new io.tandem.application.TooLargeException("ids", "at most " + Conflicts.MAX_BULK + " conflicts at once");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonValue v : list) {
            if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
                throw new InvalidRequestException("ids", "must be whole numbers");
            }
            ids.add(((JsonNumber) v).longValue());
        }
        return Page.all(conflicts.resolve(ids, JsonInput.string(o, "choice")));
    }
}
