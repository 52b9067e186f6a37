package org.hotline.cases.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.cases.SurrenderCase;
import org.hotline.cases.service.CaseAssignments;
import org.hotline.cases.service.CaseQueries;
import org.hotline.problem.Actor;
import org.hotline.problem.Problem.FieldError;
import org.hotline.problem.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Who works a case (need to know): only the officer or team it is assigned to reads its history,
 * free text and personal data; a supervisor reads any, with a reason. Supervisors and admins assign.
 */
@RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
@Path("/api/v1/cases/{reference}/assignee")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "case changes")
public class AssignmentResource {

    private final CaseAssignments assignments;
    private final CaseQueries queries;
    private final Actor actor;

    public AssignmentResource(CaseAssignments assignments, CaseQueries queries, Actor actor) {
        this.assignments = assignments;
        this.queries = queries;
        this.actor = actor;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assignCase",
            summary = "Assigns the case to an officer (token subject) and/or a team (token team claim), in place of"
            + " whoever worked it; the same assignee again changes nothing")
    @APIResponse(responseCode = "200", description = "Assigned (or already so); the case's version as ETag")
    @APIResponse(responseCode = "404", description = "No case has this reference")
    @APIResponse(responseCode = "412", description = "The case changed since the If-Match version was read")
    public RestResponse<CaseView> assign(@PathParam("reference") String reference, AssigneeRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        List<FieldError> errors = OfficerRequest.noErrors();
        if (body == null) {
            errors.add(new FieldError("body", "is required: {\"officer\": ..., \"team\": ...}"));
        }
        OfficerRequest request = OfficerRequest.parse(reference, actor.subject(), ifMatch, errors);
        AssigneeRequest.Assignee assignee = body == null ? null : body.check(errors);
        OfficerRequest.throwIfAny(errors);
        SurrenderCase assigned = assignments.assign(request.reference(), request.seenVersion(), assignee.officer(),
                assignee.team(), request.officer());
        CaseView view = queries.byReference(assigned.reference).map(CaseView::of).orElseThrow();
        return RestResponse.ResponseBuilder.ok(view).header("ETag", OfficerRequest.quoted(view.version())).build();
    }
}
