package org.hotline.stats.rest;

import org.hotline.problem.Roles;
import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.hotline.stats.service.Rebuild;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Operating the stats store. */
@Path("/api/v1/admin/rebuild")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final Rebuild rebuild;

    public AdminResource(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(operationId = "startRebuild",
            summary = "Rebuild the store by replaying both topics into a fresh generation, then switch to it",
            description = "409 while a rebuild runs, and when records were deleted from the start of a topic:"
                    + " a replay would miss them, so the active generation stays.")
    @APIResponse(responseCode = "202", description = "Rebuild started")
    @APIResponse(responseCode = "409",
            description = "A rebuild is running, or records were deleted from the start of a topic")
    public Response start() {
        return Response.accepted(rebuild.start()).location(URI.create("/api/v1/admin/rebuild")).build();
    }

    @GET
    @Operation(operationId = "rebuildProgress",
            summary = "Progress of the running or last rebuild: records read and to read per topic")
    @APIResponse(responseCode = "200", description = "Progress per topic")
    public Rebuild.Progress progress() {
        return rebuild.progress();
    }
}
