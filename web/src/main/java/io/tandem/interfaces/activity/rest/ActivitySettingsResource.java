package io.tandem.interfaces.activity.rest;

import io.tandem.application.Events;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;


/** Settings → Activity: {@code {"pushedTypes": ["form_submitted", "email_clicked", "page_visited"], "taskSubtype": "Task|Email|Call"}}. */
@Path("settings/activity")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivitySettingsResource {

    @Inject
    Events events;

    @Operation(summary = "Settings → Activity", description = "The event types pushed as Tasks and their subtype. Role: viewer.")
    @GET
    public Events.ActivitySettings get() {
        return events.settings();
    }

    @Operation(summary = "Change Settings → Activity", description = "Role: admin.")
    @APIResponse(responseCode = "400", description = "An unknown type or subtype")
    @PUT
    public Events.ActivitySettings put(Events.ActivitySettings body) {
        return events.change(body);
    }
}
