package io.tandem.interfaces.sync.rest;

import io.tandem.application.SyncOverview;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The sync at a glance. */
@Path("sync/overview")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncOverviewResource {

    @Inject
    SyncOverview overview;

    @GET
    public SyncOverview.Overview get() {
        return overview.current();
    }
}
