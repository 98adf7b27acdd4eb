package io.tandem.interfaces.security.rest;

import io.tandem.application.MaxSize;
import io.tandem.application.Page;
import io.tandem.application.Users;
import io.tandem.interfaces.security.LoginThrottle;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;

/**
 * People and their roles: admins list, create, change and disable users and set their passwords;
 * {@code PUT /users/me/password} lets anyone signed in with a password change their own. A user locked
 * by failed sign-ins shows until when.
 */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    /** What an admin sends to create a user. */
    public record NewUser(@NotNull @MaxSize(64) String name, @NotNull @MaxSize(128) String password, @NotNull String role) {
    }

    /** A change of role and/or enabled state; absent fields stay. */
    public record Change(String role, Boolean enabled) {
    }

    public record NewPassword(@NotNull @MaxSize(128) String password) {
    }

    public record OwnPassword(@NotNull @MaxSize(128) String currentPassword, @NotNull @MaxSize(128) String password) {
    }

    /** A user as listed, with the sign-in lock if failed attempts set one. */
    public record Listed(String name, String role, boolean enabled, Instant createdAt, Instant lockedUntil) {
    }

    @Inject
    Users users;
    @Inject
    LoginThrottle throttle;

    @Operation(summary = "Users with their roles and sign-in locks", description = "Role: admin.")
    @GET
    public Page<Listed> list(@QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") int limit) {
        Page<Users.UserView> page = users.list(cursor, limit);
        return new Page<>(page.items().stream().map(this::listed).toList(), page.total(), page.next());
    }

    @Operation(summary = "One user", description = "Role: admin.")
    @APIResponse(responseCode = "404", description = "No such record")
    @GET
    @Path("{name}")
    public Listed get(@PathParam("name") String name) {
        return listed(users.get(name));
    }

    @Operation(summary = "Create a user (viewer, operator or admin)", description = "Role: admin.")
    @APIResponse(responseCode = "201", description = "The user")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @POST
    public Response create(@Valid @NotNull NewUser user, @Context UriInfo uri) {
        Users.UserView created = users.create(user.name(), user.password(), user.role());
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(listed(created)).build();
    }

    @Operation(summary = "Change a user's role or enabled state (the last admin stays)", description = "Role: admin.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "404", description = "No such record")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @PATCH
    @Path("{name}")
    public Listed change(@PathParam("name") String name, @NotNull Change change) {
        return listed(users.change(name, change.role(), change.enabled()));
    }

    @Operation(summary = "Set a user's password", description = "Role: admin.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "404", description = "No such record")
    @PUT
    @Path("{name}/password")
    public Listed resetPassword(@PathParam("name") String name, @Valid @NotNull NewPassword password) {
        return listed(users.resetPassword(name, password.password()));
    }

    @Operation(summary = "Change one's own password, proved by the current one", description = "Role: anyone signed in.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @PUT
    @Path("me/password")
    public Response changeOwn(@Valid @NotNull OwnPassword password, @Context SecurityContext caller) {
        users.changeOwnPassword(caller.getUserPrincipal().getName(), password.currentPassword(), password.password());
        return Response.noContent().build();
    }

    private Listed listed(Users.UserView u) {
        return new Listed(u.name(), u.role(), u.enabled(), u.createdAt(), throttle.userLockedUntil(u.name()).orElse(null));
    }
}
