package io.tandem.interfaces.settings.rest;

import io.tandem.application.SyncSettingsService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Settings → Syncing as JSON: read by everyone, replaced whole by an admin. */
@Path("settings/sync")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyncSettingsResource {

    @Inject
    SyncSettingsService settings;

    @Operation(summary = "The sync settings: objects, write toggles, new-contact rules, limits, intervals", description = "Role: viewer.")
    @GET
    public SyncSettingsService.Settings get() {
        return settings.current();
    }

    @Operation(summary = "Replace the sync settings", description = "Role: admin.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @PUT
    public SyncSettingsService.Settings put(SyncSettingsService.Settings body) {
        return settings.change(body);
    }
}
