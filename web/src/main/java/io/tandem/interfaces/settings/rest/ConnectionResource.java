package io.tandem.interfaces.settings.rest;

import io.tandem.application.SalesforceConnections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Settings → Connection (admins): read without secrets, save, test in plain words. */
@Path("settings/connection")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConnectionResource {

    @Inject
    SalesforceConnections connections;

    @GET
    public SalesforceConnections.ConnectionView get() {
        return connections.current();
    }

    @PUT
    public SalesforceConnections.ConnectionView save(@Valid SalesforceConnections.ConnectionInput input) {
        return connections.save(input);
    }

    @POST
    @Path("test")
    public SalesforceConnections.TestResult test() {
        return connections.test();
    }
}
