package org.hotline.cases.rest;

import org.hotline.problem.Actor;
import org.hotline.problem.Roles;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.cases.CareRecord;
import org.hotline.cases.SurrenderCase;
import org.hotline.cases.service.CaseQueries;
import org.hotline.cases.service.CaseTransitions;
import org.hotline.cases.service.CustodyCare;
import org.hotline.cases.service.Inquiries;
import org.hotline.problem.Problem.FieldError;
import org.jboss.resteasy.reactive.RestResponse;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Case officers' changes of a case. Each is made by the officer the token names, and may
 * send {@code If-Match} with the ETag of the case as read: if the case changed since, the change
 * is refused with 412 and nothing is overwritten. Without it the change is judged on the case as
 * it is now, which is safe too, since a change never overwrites another (a move must be allowed
 * from the current state; care and links only add). Each answer carries the new ETag.
 */
@RolesAllowed(Roles.CASE_OFFICER)
@Path("/api/v1/cases/{reference}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "case changes")
public class CaseChangeResource {

    private final CaseTransitions transitions;
    private final CustodyCare care;
    private final Inquiries inquiries;
    private final CaseQueries queries;
    private final Actor actor;

    public CaseChangeResource(CaseTransitions transitions, CustodyCare care, Inquiries inquiries,
            CaseQueries queries, Actor actor) {
        this.transitions = transitions;
        this.care = care;
        this.inquiries = inquiries;
        this.queries = queries;
        this.actor = actor;
    }

    @POST
    @Path("/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "transitionCase",
            summary = "Moves a case to another state; 409 with allowedNext when the move is not allowed")
    @APIResponse(responseCode = "200", description = "Moved; the new version as ETag")
    @APIResponse(responseCode = "404", description = "No case has this reference")
    @APIResponse(responseCode = "409",
            description = "The move is not allowed from the case's state (allowedNext lists those that are)")
    @APIResponse(responseCode = "412", description = "The case changed since the If-Match version was read")
    @APIResponse(responseCode = "422", description = "The time lies before the case's last change")
    public RestResponse<CaseView> transition(@PathParam("reference") String reference, TransitionRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        List<FieldError> errors = bodyRequired(body);
        OfficerRequest request = OfficerRequest.parse(reference, actor.subject(), ifMatch, errors);
        TransitionRequest.Transition move = body == null ? null : body.check(errors);
        OfficerRequest.throwIfAny(errors);
        SurrenderCase moved = transitions.move(request.reference(), request.seenVersion(), move.to(), move.mode(),
                move.reason(), move.at(), request.officer());
        return withETag(RestResponse.ResponseBuilder.ok(view(moved)), moved.version);
    }

    @POST
    @Path("/care")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordCare",
            summary = "Records care given to a man in custody; 409 when the case is not in custody")
    @APIResponse(responseCode = "201", description = "Recorded; the case's new version as ETag. The note is"
            + " sealed at rest; null with textErased true when the case's caller was erased (it was not kept)")
    @APIResponse(responseCode = "404", description = "No case has this reference")
    @APIResponse(responseCode = "409", description = "The case is not in custody")
    @APIResponse(responseCode = "412", description = "The case changed since the If-Match version was read")
    @APIResponse(responseCode = "422", description = "The time lies before custody began")
    public RestResponse<CareView> care(@PathParam("reference") String reference, CareRequest body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        List<FieldError> errors = bodyRequired(body);
        OfficerRequest request = OfficerRequest.parse(reference, actor.subject(), ifMatch, errors);
        CareRequest.Care given = body == null ? null : body.check(errors);
        OfficerRequest.throwIfAny(errors);
        CareRecord recorded = care.record(request.reference(), request.seenVersion(), given.kind(), given.at(),
                given.note(), request.officer());
        return withETag(RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, CareView.of(recorded, given.note())),
                recorded.caseVersion);
    }

    @POST
    @Path("/inquiries/{inquiryId}")
    // A supervisor too: the inquiry's personal data becomes readable through the case, so only those
    // who may read the case link to it (need to know), and a supervisor may read any.
    @RolesAllowed({ Roles.CASE_OFFICER, Roles.SUPERVISOR })
    @Operation(operationId = "linkInquiry",
            summary = "Links a relative's open inquiry to this case (by the officer or team it is assigned to, or a"
            + " supervisor); 404 unknown inquiry, 409 already linked")
    @APIResponse(responseCode = "200", description = "Linked; the case's new version as ETag")
    @APIResponse(responseCode = "403", description = "The case is not assigned to this officer or his team")
    @APIResponse(responseCode = "404", description = "No such case or inquiry")
    @APIResponse(responseCode = "409", description = "The inquiry is already linked")
    @APIResponse(responseCode = "412", description = "The case changed since the If-Match version was read")
    public RestResponse<CaseView> linkInquiry(@PathParam("reference") String reference,
            @PathParam("inquiryId") String inquiryId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        List<FieldError> errors = OfficerRequest.noErrors();
        OfficerRequest request = OfficerRequest.parse(reference, actor.subject(), ifMatch, errors);
        UUID inquiry = OfficerRequest.uuid("inquiryId", inquiryId, errors);
        OfficerRequest.throwIfAny(errors);
        SurrenderCase linked = inquiries.link(request.reference(), request.seenVersion(), inquiry,
                AccessReason.reader(actor, Optional.empty()));
        return withETag(RestResponse.ResponseBuilder.ok(view(linked)), linked.version);
    }

    private CaseView view(SurrenderCase changed) {
        return queries.byReference(changed.reference).map(CaseView::of).orElseThrow();
    }

    private static List<FieldError> bodyRequired(Object body) {
        List<FieldError> errors = OfficerRequest.noErrors();
        if (body == null) {
            errors.add(new FieldError("body", "is required"));
        }
        return errors;
    }

    private static <T> RestResponse<T> withETag(RestResponse.ResponseBuilder<T> response, long version) {
        return response.header("ETag", OfficerRequest.quoted(version)).build();
    }
}
