package org.hotline.stats.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.hotline.problem.Roles;
import org.hotline.stats.service.DataExtent;
import org.hotline.stats.service.OpsRoom;
import org.hotline.stats.service.OverdueCustody;
import org.hotline.stats.service.Status;
import org.hotline.stats.service.StatusStrip;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the ops room's dashboard reads beside the summary and the series. */
@Path("/api/v1/stats")
@RolesAllowed(Roles.ANALYST)
@Produces(MediaType.APPLICATION_JSON)
public class OpsRoomResource {

    private final OpsRoom opsRoom;
    private final StatusStrip statusStrip;
    private final SecurityIdentity identity;

    public OpsRoomResource(OpsRoom opsRoom, StatusStrip statusStrip, SecurityIdentity identity) {
        this.opsRoom = opsRoom;
        this.statusStrip = statusStrip;
        this.identity = identity;
    }

    @GET
    @Path("/extent")
    @Operation(operationId = "dataExtent",
            summary = "The first and the last day that hold a contact, for the dashboard's default range")
    @APIResponse(responseCode = "200", description = "The first and last day, null before any contact")
    public DataExtent extent() {
        return opsRoom.extent();
    }

    @GET
    @Path("/overdue")
    @APIResponse(responseCode = "200", description = "The overdue cases, longest overdue first, and how many in all")
    @Operation(operationId = "overdueCustody",
            summary = "Cases in custody past a Geneva Conventions deadline, longest overdue first",
            description = "Each case's reference and link only for a caller who also holds the case-officer role.")
    public OverdueCustody overdue() {
        return opsRoom.overdue(identity.hasRole(Roles.CASE_OFFICER));
    }

    @GET
    @Path("/status")
    @APIResponse(responseCode = "200", description = "The four signals, each with its level and thresholds")
    @Operation(operationId = "statusStrip", summary = "The status strip: outbox age, consumer lag, dead letters, last event; each OK, AMBER, RED"
            + " or UNKNOWN by the configured thresholds")
    public Status status() {
        return statusStrip.now();
    }
}
