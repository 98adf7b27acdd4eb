package io.tandem.interfaces.activity.rest;

import io.tandem.application.ContactInput;
import io.tandem.application.Events;
import io.tandem.interfaces.rest.JsonInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** Marketing events, up to 1,000 at once: {@code {"events":[{"contactId" or "email", "type", "at", "details", "contact"}]}}; a form submission's email upserts its contact. */
@Path("events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventsResource {

    @Inject
    Events events;

    @Operation(summary = "Record up to 1,000 marketing events", description = "A form submission upserts its contact by email; one result per event. Role: operator.")
    @APIResponse(responseCode = "400", description = "The body is not a list of events")
    @APIResponse(responseCode = "413", description = "More than 1,000 events")
    @POST
    public Events.Recorded record(JsonValue body) {
        List<Events.EventInput> inputs = JsonInput.objects(JsonInput.object(body, "body"), "events", Events.MAX_BATCH,
                "{\"contactId\" or \"email\", \"type\", \"at\", \"details\"}").stream().map(EventsResource::input).toList();
        return events.record(null, inputs);
    }

    static Events.EventInput input(JsonObject o) {
        Map<String, Object> contact = JsonInput.mapOrNull(o, "contact");
        return new Events.EventInput(JsonInput.number(o, "contactId"), JsonInput.string(o, "email"), JsonInput.string(o, "type"),
                JsonInput.string(o, "at"), JsonInput.mapOrNull(o, "details"), contact == null ? null : new ContactInput(contact));
    }
}
