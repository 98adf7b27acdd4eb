package io.tandem.interfaces.sync.rest;

import io.tandem.application.SyncQueue;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The outbound queue: pending changes, the oldest one's time, the first entries. */
@Path("sync/queue")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncQueueResource {

    @Inject
    SyncQueue queue;

    @Operation(summary = "The outbound queue: waiting, failed, oldest age", description = "Role: viewer.")
    @GET
    public SyncQueue.Summary get(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return queue.summary(cursor, limit);
    }
}
