package io.tandem.interfaces.actions.rest;

import io.tandem.application.Actions;
import io.tandem.application.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    @Operation(summary = "The org's queues", description = "To give Leads to (one API call). Role: viewer.")
    @APIResponse(responseCode = "409", description = "No Salesforce connection, or Salesforce refused")
    @GET
    @Path("queues")
    public Page<Actions.Pick> queues() {
        return actions.queues();
    }

    @Operation(summary = "The org's active users", description = "To own Tasks (one API call). Role: viewer.")
    @APIResponse(responseCode = "409", description = "No Salesforce connection, or Salesforce refused")
    @GET
    @Path("users")
    public Page<Actions.Pick> users() {
        return actions.users();
    }
}
