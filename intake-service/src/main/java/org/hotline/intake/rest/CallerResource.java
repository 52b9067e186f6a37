package org.hotline.intake.rest;

import org.hotline.events.CallerErased;
import org.hotline.intake.service.CallerErasure;
import org.hotline.problem.Actor;
import org.hotline.problem.ProblemException;
import org.hotline.problem.Roles;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** A caller, known by his caller key: only his erasure is served here. */
@Path("/api/v1/callers/{callerKey}/personal-data")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "callers")
public class CallerResource {

    private final CallerErasure erasure;
    private final Actor actor;

    public CallerResource(CallerErasure erasure, Actor actor) {
        this.erasure = erasure;
        this.actor = actor;
    }

    /** 204 once erased; 404 when nothing personal is held for this key (unknown, or erased already). */
    @DELETE
    @Operation(operationId = "eraseCallerPersonalData", summary = "Erases everything personal held for a caller key")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", description = "Nothing personal is held for this caller key")
    public Response erase(@PathParam("callerKey") String callerKey) {
        if (!erasure.erase(callerKey, actor.subject(), CallerErased.Cause.REQUEST)) {
            throw ProblemException.notFound("No personal data is held for this caller key.");
        }
        return Response.noContent().build();
    }
}
