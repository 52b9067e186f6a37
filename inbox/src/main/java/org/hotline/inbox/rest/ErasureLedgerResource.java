package org.hotline.inbox.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.audit.AuditLog;
import org.hotline.inbox.ErasureLedger;
import org.hotline.problem.Actor;
import org.hotline.problem.Problem;
import org.hotline.problem.ProblemException;
import org.hotline.problem.Roles;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Applies the erasure ledger now, rather than at the next scheduled catch-up: after a restore done
 * without a restart, or to re-read the whole ledger ({@code from=start}) when in doubt.
 */
@Path("/api/v1/admin/erasure-ledger")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@Blocking
public class ErasureLedgerResource {

    private final ErasureLedger ledger;
    private final AuditLog auditLog;
    private final Actor actor;

    public ErasureLedgerResource(ErasureLedger ledger, AuditLog auditLog, Actor actor) {
        this.ledger = ledger;
        this.auditLog = auditLog;
        this.actor = actor;
    }

    @POST
    @Path("/catch-up")
    @Operation(operationId = "catchUpErasureLedger",
            summary = "Applies every erasure on the ledger (hotline.erasures.v1) after this service's stored"
            + " position, or all of them with from=start; applying one again changes nothing")
    @APIResponse(responseCode = "200", description = "Caught up: records read, erasures applied, positions")
    @APIResponse(responseCode = "400", description = "from is neither absent nor start")
    @APIResponse(responseCode = "404", description = "This service holds nothing an erasure destroys")
    @APIResponse(responseCode = "503", description = "Kafka or the database cannot be reached; nothing moved")
    public ErasureLedger.CatchUp catchUp(
            @Parameter(description = "start: re-read the whole ledger, not only what follows the stored position")
            @QueryParam("from") String from) {
        if (from != null && !from.equals("start")) {
            throw ProblemException.badRequest("from is start or absent",
                    List.of(new Problem.FieldError("from", "must be start, or absent")));
        }
        if (!ledger.followed()) {
            throw ProblemException.notFound("this service holds nothing an erasure destroys");
        }
        boolean fromStart = from != null;
        ErasureLedger.CatchUp done;
        try {
            done = ledger.catchUp(fromStart);
        } catch (RuntimeException e) {
            auditLog.record(actor.subject(), "erasure-ledger.catch-up", fromStart ? "from=start" : "from=position", null,
                    "failed");
            throw new ProblemException(Problem.of(503, "Service Unavailable",
                    "the erasure ledger cannot be read now: " + e.getMessage(), List.of()));
        }
        auditLog.record(actor.subject(), "erasure-ledger.catch-up", fromStart ? "from=start" : "from=position", null,
                "ok: " + done.erasuresApplied() + " applied");
        return done;
    }
}
