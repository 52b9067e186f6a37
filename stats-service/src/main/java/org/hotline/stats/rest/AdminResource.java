package org.hotline.stats.rest;

import org.hotline.audit.AuditLog;
import org.hotline.problem.Actor;
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
    private final AuditLog auditLog;
    private final Actor actor;

    public AdminResource(Rebuild rebuild, AuditLog auditLog, Actor actor) {
        this.rebuild = rebuild;
        this.auditLog = auditLog;
        this.actor = actor;
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
        Rebuild.Progress started;
        try {
            started = rebuild.start();
        } catch (RuntimeException refused) {
            // A refused rebuild (one running, history incomplete) is on file too, then answered as before.
            auditLog.record(actor.subject(), "stats.rebuild", null, null, "refused: " + refused.getClass().getSimpleName());
            throw refused;
        }
        auditLog.record(actor.subject(), "stats.rebuild", null, null, "started");
        return Response.accepted(started).location(URI.create("/api/v1/admin/rebuild")).build();
    }

    @GET
    @Operation(operationId = "rebuildProgress",
            summary = "Progress of the running or last rebuild: records read and to read per topic")
    @APIResponse(responseCode = "200", description = "Progress per topic")
    public Rebuild.Progress progress() {
        return rebuild.progress();
    }
}
