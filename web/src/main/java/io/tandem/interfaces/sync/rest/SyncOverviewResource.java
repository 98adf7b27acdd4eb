package io.tandem.interfaces.sync.rest;

import io.tandem.application.SyncOverview;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The sync at a glance. */
@Path("sync/overview")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncOverviewResource {

    @Inject
    SyncOverview overview;

    @Operation(summary = "The sync at a glance: API use and limits, queue, last drain and poll, connection", description = "Role: viewer.")
    @GET
    public SyncOverview.Overview get() {
        return overview.current();
    }
}
