package org.hotline.inbox.rest;

import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.inbox.DeadLetter;
import org.hotline.problem.Roles;
import org.hotline.inbox.DeadLetterReplay;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The dead letters of this service's consumers, listed and replayed by an operator. */
@Path("/api/v1/admin/dead-letters")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@Blocking
public class DeadLetterResource {

    /** The dead letters to replay by id; none (or no body) replays them all. */
    public record ReplayRequest(Set<String> ids) {
    }

    private final DeadLetterReplay replay;

    public DeadLetterResource(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @GET
    @Operation(operationId = "listDeadLetters",
            summary = "Every record on this service's dead-letter topic: id, source topic, partition, offset,"
            + " key and reason (never the payload)")
    @APIResponse(responseCode = "200", description = "The dead letters, without payloads")
    public List<DeadLetter> list() {
        return replay.list();
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replayDeadLetters",
            summary = "Applies the chosen dead letters again (all if no ids are given); one applied before"
            + " changes nothing")
    @APIResponse(responseCode = "200", description = "Per dead letter: applied, or the error")
    public List<DeadLetterReplay.Outcome> replay(ReplayRequest request) {
        return replay.replay(request == null || request.ids() == null ? Set.of() : request.ids());
    }
}
