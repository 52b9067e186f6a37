package org.hotline.outbox.rest;

import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.outbox.ParkedMessages;
import org.hotline.problem.Roles;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The outbox messages Kafka refused too often, for an operator. */
@Path("/api/v1/admin/outbox/parked")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@Blocking
public class ParkedMessageResource {

    /** The parked messages to send again by id; none (or no body) sends them all. */
    public record ResendRequest(Set<Long> ids) {
    }

    /** The ids moved back into the outbox. */
    public record Resent(List<Long> ids) {
    }

    private final ParkedMessages parked;

    public ParkedMessageResource(ParkedMessages parked) {
        this.parked = parked;
    }

    @GET
    @Operation(operationId = "listParkedMessages",
            summary = "Messages parked after the broker refused them too often, with their last error")
    @APIResponse(responseCode = "200", description = "The parked messages, without payloads")
    public List<ParkedMessages.Parked> list() {
        return parked.list();
    }

    @POST
    @Path("/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resendParkedMessages",
            summary = "Moves the chosen parked messages (all if no ids are given) back into the outbox")
    @APIResponse(responseCode = "200", description = "The ids moved back into the outbox")
    public Resent resend(ResendRequest request) {
        return new Resent(parked.resend(request == null || request.ids() == null ? Set.of() : request.ids()));
    }
}
