package io.tandem.interfaces.workflows.rest;

import io.tandem.application.InvalidRequestException;
import io.tandem.application.Page;
import io.tandem.application.Workflows;
import io.tandem.interfaces.rest.JsonInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Workflows: listed, created (201), replaced whole, deleted; each with its runs, newest first. */
@Path("workflows")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkflowsResource {

    @Inject
    Workflows workflows;

    @Operation(summary = "List workflows", description = "Role: viewer.")
    @GET
    public Page<Workflows.WorkflowView> list() {
        return workflows.list();
    }

    @Operation(summary = "Create a workflow", description = "A trigger and 1 to 10 steps of actions. Role: admin.")
    @APIResponse(responseCode = "201", description = "The workflow")
    @APIResponse(responseCode = "400", description = "The trigger or a step is wrong (field and reason)")
    @APIResponse(responseCode = "409", description = "The name is taken")
    @POST
    public Response create(JsonValue body, @Context UriInfo uri) {
        Workflows.WorkflowView made = workflows.create(input(body));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(made.id())).build()).entity(made).build();
    }

    @Operation(summary = "One workflow", description = "Role: viewer.")
    @APIResponse(responseCode = "404", description = "No such workflow")
    @GET
    @Path("{id}")
    public Workflows.WorkflowView get(@PathParam("id") long id) {
        return workflows.get(id);
    }

    @Operation(summary = "Replace a workflow whole", description = "Role: admin.")
    @APIResponse(responseCode = "400", description = "The trigger or a step is wrong")
    @APIResponse(responseCode = "404", description = "No such workflow")
    @PUT
    @Path("{id}")
    public Workflows.WorkflowView replace(@PathParam("id") long id, JsonValue body) {
        return workflows.replace(id, input(body));
    }

    @Operation(summary = "Delete a workflow", description = "Its runs go with it. Role: admin.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such workflow")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        workflows.delete(id);
        return Response.noContent().build();
    }

    @Operation(summary = "A workflow's runs, newest first", description = "One run per triggering change. Role: viewer.")
    @APIResponse(responseCode = "404", description = "No such workflow")
    @GET
    @Path("{id}/runs")
    public Page<Workflows.RunView> runs(@PathParam("id") long id, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return workflows.runs(id, cursor, limit);
    }

    private static Workflows.WorkflowInput input(JsonValue body) {
        JsonObject o = JsonInput.object(body, "body");
        JsonValue active = o.get("active");
        if (active != null && active != JsonValue.NULL && active != JsonValue.TRUE && active != JsonValue.FALSE) {
            throw new InvalidRequestException("active", "must be true or false");
        }
        List<Map<String, Object>> steps = null;
        if (o.containsKey("steps") && o.get("steps") != JsonValue.NULL) {
            steps = new ArrayList<>();
            for (JsonObject step : JsonInput.objects(o, "steps", 10, "{\"action\": \"task|campaign|queue|push\", …}")) {
                steps.add(JsonInput.map(step));
            }
        }
        return new Workflows.WorkflowInput(JsonInput.string(o, "name"), active == null || active == JsonValue.NULL ? null : active == JsonValue.TRUE,
                JsonInput.mapOrNull(o, "trigger"), steps);
    }
}
