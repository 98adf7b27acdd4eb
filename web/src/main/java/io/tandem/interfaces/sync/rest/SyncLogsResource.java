package io.tandem.interfaces.sync.rest;

import io.tandem.application.Page;
import io.tandem.application.PurgedHistory;
import io.tandem.application.SyncLogs;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Sync logs: entries per batch (filter by direction, object, status, time), and each entry's records. */
@Path("sync/logs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncLogsResource {

    @Inject
    SyncLogs logs;

    @Operation(summary = "Sync-log entries, newest first: direction, object, status, from/to, contact", description = "Role: viewer.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @GET
    public Page<SyncLogs.Entry> entries(@QueryParam("direction") String direction, @QueryParam("object") String object,
                                        @QueryParam("status") String status, @QueryParam("from") String from,
                                        @QueryParam("to") String to, @QueryParam("contact") String contact,
                                        @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return logs.entries(new SyncLogs.Filter(direction, object, status, from, to, contact), cursor, limit);
    }

    /** Admin: forgets the logs started before {@code before}, with sent and skipped outbox entries ended before it. */
    @Operation(summary = "Forget the sync history before a time; failed and waiting entries stay", description = "Role: admin.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @DELETE
    public PurgedHistory purge(@QueryParam("before") String before) {
        return logs.purge(before);
    }

    @Operation(summary = "One sync-log entry with its counts", description = "Role: viewer.")
    @APIResponse(responseCode = "404", description = "No such record")
    @GET
    @Path("{id}")
    public SyncLogs.Entry entry(@PathParam("id") long id) {
        return logs.entry(id);
    }

    @Operation(summary = "A sync-log entry's records in the order handled, by outcome", description = "Role: viewer.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "404", description = "No such record")
    @GET
    @Path("{id}/records")
    public Page<SyncLogs.RecordLine> records(@PathParam("id") long id, @QueryParam("outcome") String outcome,
                                             @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return logs.records(id, outcome, cursor, limit);
    }
}
