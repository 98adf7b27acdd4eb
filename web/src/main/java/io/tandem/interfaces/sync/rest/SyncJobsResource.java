package io.tandem.interfaces.sync.rest;

import io.tandem.application.BatchJobs;
import io.tandem.application.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Map;

/** Tandem's batch jobs: recent executions with step metrics, one execution, starting a job. */
@Path("sync/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyncJobsResource {

    public record StartJob(String job, Map<String, String> parameters) {
    }

    @Inject
    BatchJobs jobs;

    @Operation(summary = "Every execution of Tandem's batch jobs, newest first, with steps and progress", description = "Role: viewer.")
    @GET
    public Page<BatchJobs.Execution> recent(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return jobs.recent(cursor, limit);
    }

    @Operation(summary = "One job execution", description = "Role: viewer.")
    @APIResponse(responseCode = "404", description = "No such record")
    @GET
    @Path("{id}")
    public BatchJobs.Execution execution(@PathParam("id") long id) {
        return jobs.execution(id);
    }

    @Operation(summary = "Start a job that may be started by hand", description = "Role: operator.")
    @APIResponse(responseCode = "202", description = "Started")
    @APIResponse(responseCode = "400", description = "A field is wrong: {\"errors\":[{\"field\",\"message\"}]}")
    @POST
    public Response start(StartJob request, @Context UriInfo uri) {
        StartJob r = request == null ? new StartJob(null, null) : request;
        BatchJobs.Execution started = jobs.start(r.job(), r.parameters());
        return Response.accepted(started)
                .location(uri.getAbsolutePathBuilder().path(Long.toString(started.id())).build()).build();
    }
}
