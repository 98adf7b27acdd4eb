package io.tandem.interfaces.sync.rest;

import io.tandem.application.Page;
import io.tandem.application.SyncLogs;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** One contact's sync history: every record logged for it one by one, newest first, with its batch. */
@Path("contacts/{id}/sync-history")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ContactSyncHistoryResource {

    @Inject
    SyncLogs logs;

    @Operation(summary = "A contact's sync history, newest first", description = "Each record sent or received for the contact with"
            + " its outcome, reason and detail, and the sync-log entry (logId) it belongs to. Import pages of 500 records or more log"
            + " their records packed and are read through their entry. Role: viewer.")
    @APIResponse(responseCode = "404", description = "No such contact")
    @GET
    public Page<SyncLogs.HistoryLine> list(@PathParam("id") long id, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return logs.history(id, cursor, limit);
    }
}
