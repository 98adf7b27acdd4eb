package io.tandem.interfaces.settings.rest;

import io.tandem.application.MaxSize;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Settings → Connection (admins): read without secrets, save, test in plain words. */
@Path("settings/connection")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConnectionResource {

    @Inject
    SalesforceConnections connections;

    @Operation(summary = "The Salesforce connection in force, never a secret", description = "Role: admin.")
    @GET
    public SalesforceConnections.ConnectionView get() {
        return connections.current();
    }

    @Operation(summary = "Save the Salesforce connection (client_credentials, jwt_bearer or refresh_token); absent secrets keep the stored ones", description = "Role: admin.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @PUT
    public SalesforceConnections.ConnectionView save(@Valid SalesforceConnections.ConnectionInput input) {
        return connections.save(input);
    }

    /** What the JWT key pair is made for. */
    public record JwtKeyRequest(@MaxSize(255) String loginUrl, @MaxSize(255) String clientId, @MaxSize(255) String username,
                                @MaxSize(16) String apiVersion) {
    }

    @Operation(summary = "Make a key pair for the JWT bearer flow: the connection saved with its private key, the certificate answered"
            + " to upload to the connected app", description = "Role: admin.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @POST
    @Path("jwt-key")
    public SalesforceConnections.GeneratedKey jwtKey(@Valid JwtKeyRequest request) {
        JwtKeyRequest r = request == null ? new JwtKeyRequest(null, null, null, null) : request;
        return connections.generateJwtKey(r.loginUrl(), r.clientId(), r.username(), r.apiVersion());
    }

    @Operation(summary = "Log in and read the org's limits; says in plain words what failed", description = "Role: admin.")
    @POST
    @Path("test")
    public SalesforceConnections.TestResult test() {
        return connections.test();
    }
}
