package io.tandem.interfaces.activity.rest;

import io.tandem.application.Events;
import io.tandem.application.Page;
import io.tandem.interfaces.rest.JsonInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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


/** One contact's marketing events: one recorded ({@code {"type", "at", "details"}}, 201), or listed newest first. */
@Path("contacts/{id}/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactEventsResource {

    @Inject
    Events events;

    @Operation(summary = "Record one of a contact's marketing events", description = "Role: operator.")
    @APIResponse(responseCode = "201", description = "The event")
    @APIResponse(responseCode = "400", description = "type or at is wrong")
    @APIResponse(responseCode = "404", description = "No such contact")
    @POST
    public Response record(@PathParam("id") long id, JsonValue body, @Context UriInfo uri) {
        Events.EventView made = events.recordOne(id, EventsResource.input(JsonInput.object(body, "body")));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(made.id())).build()).entity(made).build();
    }

    @Operation(summary = "A contact's marketing events, newest first", description = "With the Task each became. Role: viewer.")
    @APIResponse(responseCode = "404", description = "No such contact")
    @GET
    public Page<Events.EventView> list(@PathParam("id") long id, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return events.ofContact(id, cursor, limit);
    }
}
