package io.tandem.interfaces.sync.rest;

import io.tandem.application.SyncReplay;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Failed outbound entries back in the queue: {@code {"ids": [...]}}, {@code {"logId": n}} or {@code {"from", "to"}}. */
@Path("sync/replay")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyncReplayResource {

    @Inject
    SyncReplay replay;

    @Operation(summary = "Put failed outbox entries back in the queue: ids, a log entry (logId) or a from/to window", description = "Role: operator.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "413", description = "Too many in one request")
    @POST
    public SyncReplay.Result replay(@Valid SyncReplay.Request request) {
        return replay.replay(request);
    }
}
