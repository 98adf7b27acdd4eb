package io.tandem.interfaces.sync.rest;

import io.tandem.application.InboundSync;
import io.tandem.application.InvalidRequestException;
import io.tandem.interfaces.rest.JsonInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Map;

/**
 * The initial import from Salesforce: POST starts it (or resumes one that did not complete), GET shows
 * its progress, POST stop stops it; POST {@code sync/poll} polls for changes now. {@code sync/org} shows
 * the org the links belong to and, after Tandem met another org, takes the admin's choice:
 * {@code {"choice":"keep"}} or {@code {"choice":"start-over"}}.
 */
@Path("sync")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyncImportResource {

    @Inject
    InboundSync inbound;

    @Operation(summary = "The initial import from Salesforce: status and progress", description = "Role: viewer.")
    @GET
    @Path("import")
    public InboundSync.ImportView status() {
        return inbound.status();
    }

    /** Optional body: job parameters {@code chunkSize} and {@code bulkThreshold}. */
    @Operation(summary = "Import from Salesforce again (?fresh=true re-reads everything)", description = "Role: operator.")
    @APIResponse(responseCode = "202", description = "Started")
    @APIResponse(responseCode = "400", description = "chunkSize (1 to 10,000) or bulkThreshold is out of bounds: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @POST
    @Path("import")
    public Response start(@QueryParam("fresh") boolean fresh, Map<String, String> parameters) {
        return Response.accepted(inbound.start(fresh, parameters)).build();
    }

    @Operation(summary = "Stop the running import from Salesforce", description = "Role: operator.")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @POST
    @Path("import/stop")
    public InboundSync.ImportView stop() {
        return inbound.stop();
    }

    @Operation(summary = "The org Tandem is linked to, and whether the connection now leads elsewhere", description = "Role: viewer.")
    @GET
    @Path("org")
    public InboundSync.OrgView org() {
        return inbound.org();
    }

    @Operation(summary = "After an org change: keep the links, or start over with the new org", description = "Role: admin.")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @APIResponse(responseCode = "409", description = "It conflicts with the current state; the answer says which field and why")
    @POST
    @Path("org")
    public Object chooseOrg(JsonValue body) {
        String choice = JsonInput.string(JsonInput.object(body, "body"), "choice");
        if ("keep".equals(choice)) {
            return inbound.keepLinks();
        }
        if ("start-over".equals(choice)) {
            return inbound.startOver();
        }
        throw new InvalidRequestException("choice", "is keep (same org, new address: the links stay) or start-over "
                + "(another org: links and watermarks cleared, a fresh import)");
    }

    @Operation(summary = "Read Salesforce's changes now instead of at the next interval", description = "Role: operator.")
    @POST
    @Path("poll")
    public InboundSync.PollView poll() {
        return inbound.pollNow();
    }
}
