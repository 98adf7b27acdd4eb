package io.tandem.interfaces.actions.rest;

import io.tandem.application.Actions;
import io.tandem.application.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What an action can name in Salesforce: the org's queues and its active users (one call each). */
@Path("salesforce")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SalesforcePicksResource {

    @Inject
    Actions actions;

    @GET
    @Path("queues")
    public Page<Actions.Pick> queues() {
        return actions.queues();
    }

    @GET
    @Path("users")
    public Page<Actions.Pick> users() {
        return actions.users();
    }
}
