package io.tandem.interfaces.security.rest;

import io.tandem.application.ApiTokens;
import io.tandem.application.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;


/** API tokens for scripts: an admin issues (the secret is in that answer only), lists and revokes them. */
@Path("tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokensResource {

    public record NewToken(String name, String role, Integer expiresInDays) {
    }

    @Inject
    ApiTokens tokens;

    @Operation(summary = "Issue an API token; its secret is in this answer only", description = "Role: admin.")
    @APIResponse(responseCode = "201", description = "The token with its secret")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @POST
    public Response issue(NewToken request, @Context SecurityContext caller, @Context UriInfo uri) {
        NewToken r = request == null ? new NewToken(null, null, null) : request;
        ApiTokens.Issued issued = tokens.issue(r.name(), r.role(), r.expiresInDays(), caller.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(issued.id())).build()).entity(issued).build();
    }

    @Operation(summary = "API tokens, never their secrets", description = "Role: admin.")
    @GET
    public Page<ApiTokens.Summary> list() {
        return Page.all(tokens.list());
    }

    @Operation(summary = "Revoke an API token", description = "Role: admin.")
    @APIResponse(responseCode = "404", description = "No such record")
    @DELETE
    @Path("{id}")
    public ApiTokens.Summary revoke(@PathParam("id") long id) {
        return tokens.revoke(id);
    }
}
