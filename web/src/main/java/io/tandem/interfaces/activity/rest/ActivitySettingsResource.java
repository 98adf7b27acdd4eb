package io.tandem.interfaces.activity.rest;

import io.tandem.application.Events;
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

    @GET
    public Events.ActivitySettings get() {
        return events.settings();
    }

    @PUT
    public Events.ActivitySettings put(Events.ActivitySettings body) {
        return events.change(body);
    }
}
