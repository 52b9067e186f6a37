package org.hotline.cases.rest;

import org.hotline.audit.AuditLog;
import org.hotline.problem.Actor;
import org.hotline.problem.Roles;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.cases.config.CaseConfig;
import org.hotline.events.CaseState;
import org.hotline.cases.service.CaseHistory;
import org.hotline.cases.service.CaseNotFound;
import org.hotline.cases.service.CaseOpenings;
import org.hotline.cases.service.CaseQueries;
import org.hotline.cases.service.CaseTransitions;
import org.hotline.cases.service.OverdueCases;
import org.hotline.cases.service.Reader;
import org.hotline.cases.service.ReferenceLookupThrottle;
import org.hotline.problem.Problem.FieldError;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Reading cases. Lists and single cases hold neither personal data nor free text, so every case
 * officer and supervisor sees them all (the board is not filtered: officers pick up and hand over
 * work from it). A case's history holds its officers' free text: need to know ({@code NeedToKnow}).
 */
@RolesAllowed({ Roles.CASE_OFFICER, Roles.SUPERVISOR })
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases")
public class CaseResource {

    private final CaseQueries queries;
    private final CaseTransitions transitions;
    private final CaseHistory history;
    private final OverdueCases overdue;
    private final CaseOpenings openings;
    private final CaseConfig config;
    private final ObjectMapper json;
    private final Actor actor;
    private final ReferenceLookupThrottle throttle;
    private final AuditLog auditLog;

    public CaseResource(CaseQueries queries, CaseTransitions transitions, CaseHistory history, OverdueCases overdue,
            CaseOpenings openings, CaseConfig config, ObjectMapper json, Actor actor, ReferenceLookupThrottle throttle,
            AuditLog auditLog) {
        this.queries = queries;
        this.transitions = transitions;
        this.history = history;
        this.overdue = overdue;
        this.openings = openings;
        this.config = config;
        this.json = json;
        this.actor = actor;
        this.throttle = throttle;
        this.auditLog = auditLog;
    }

    @GET
    @Path("/{reference}")
    // Operators too: intake asks with the operator's own token when a caller follows up.
    @RolesAllowed({ Roles.CASE_OFFICER, Roles.SUPERVISOR, Roles.OPERATOR })
    @Operation(operationId = "findCase",
            summary = "The case a reference (primary or alias, any case, dashes optional) leads to;"
            + " its ETag is its version, for If-Match on changes")
    @APIResponse(responseCode = "200", description = "The case, with its version as ETag")
    @APIResponse(responseCode = "404", description = "No case has this reference")
    @APIResponse(responseCode = "429", description = "Too many unknown references named by this caller; see Retry-After")
    public RestResponse<CaseView> byReference(@PathParam("reference") String reference,
            @Context SecurityContext security) {
        String canonical = OfficerRequest.canonicalReference(reference);
        // A case officer or supervisor lists every case anyway; whoever may only read one by its reference
        // (an operator) could guess references, so he is held to ReferenceLookupThrottle. A
        // refusal (429) is audited by the audit module's refusal filter.
        boolean limited = !security.isUserInRole(Roles.CASE_OFFICER) && !security.isUserInRole(Roles.SUPERVISOR);
        if (limited) {
            throttle.admit(actor.subject());
        }
        Optional<CaseView> read = queries.byReference(canonical).map(CaseView::of);
        // Misses too: a run of unknown references is what an enumeration looks like.
        auditLog.record(actor.subject(), "case.read", canonical, null, read.isPresent() ? "ok" : "not-found");
        if (read.isEmpty() && limited) {
            throttle.unknownReferenceNamed(actor.subject());
        }
        CaseView found = read.orElseThrow(() -> new CaseNotFound(canonical));
        return RestResponse.ResponseBuilder.ok(found).header("ETag", OfficerRequest.quoted(found.version())).build();
    }

    @GET
    @Operation(operationId = "listCases", summary = "Cases, newest first, optionally in one state")
    @APIResponse(responseCode = "200", description = "One page of cases")
    // Read as strings so that CaseListRequest names every bad one at once; documented with their types.
    public CasePage list(
            @Parameter(schema = @Schema(implementation = CaseState.class)) @QueryParam("state") String state,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("size") String size) {
        CaseListRequest request = CaseListRequest.parse(state, page, size, config);
        CaseQueries.CasePageResult result = queries.list(request.state(), request.page(), request.size());
        auditLog.record(actor.subject(), "case.list", null, null, "ok: state " + request.state().map(Enum::name)
                .orElse("any") + ", page " + request.page() + ", size " + request.size() + ", " + result.items().size()
                + " cases");
        return new CasePage(result.items().stream().map(CaseView::of).toList(), request.page(), request.size(),
                result.total());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    // Case officers alone: a supervisor assigns and reads, he changes no case. The opener is not made
    // its assignee: a supervisor decides who works it, as for any other case.
    @RolesAllowed(Roles.CASE_OFFICER)
    @Operation(operationId = "openCaseInCustody",
            summary = "Opens a case for a man who came into custody without a call; with an Idempotency-Key, a"
            + " retried request gets the same case and the key on a different request gets 422")
    @APIResponse(responseCode = "201", description = "Opened; Location names the case")
    @APIResponse(responseCode = "422",
            description = "The Idempotency-Key was used for a different request, or the time is implausible")
    public RestResponse<CaseView> open(NewCaseRequest body,
            @HeaderParam(NewCaseIdempotency.HEADER) String idempotencyKey) {
        List<FieldError> errors = OfficerRequest.noErrors();
        if (body == null) {
            errors.add(new FieldError("body", "is required"));
        }
        OfficerRequest request = OfficerRequest.parse(null, actor.subject(), null, errors);
        NewCaseRequest.NewCase newCase = body == null ? null : body.check(errors);
        OfficerRequest.throwIfAny(errors);
        String reference;
        if (idempotencyKey == null) {
            reference = transitions.openInCustody(newCase.mode(), newCase.origin(), newCase.at(), newCase.reason(),
                    request.officer()).reference;
        } else {
            reference = openings.openInCustody(
                    NewCaseIdempotency.scoped(request.officer(), NewCaseIdempotency.checked(idempotencyKey)),
                    NewCaseIdempotency.fingerprintOf(json, body), newCase.mode(), newCase.origin(),
                    newCase.at(), newCase.reason(), request.officer()).caseReference();
        }
        CaseView view = queries.byReference(reference).map(CaseView::of).orElseThrow();
        return RestResponse.ResponseBuilder.<CaseView>created(URI.create("/api/v1/cases/" + reference))
                .entity(view)
                .header("ETag", OfficerRequest.quoted(view.version()))
                .build();
    }

    @GET
    @Path("/{reference}/history")
    @Operation(operationId = "caseHistory",
            summary = "Every transition, care record and linked contact of a case, oldest first; only for the"
            + " officer or team the case is assigned to, or a supervisor with an X-Access-Reason")
    @APIResponse(responseCode = "200", description = "The case's history; an officer's reason or note erased with"
            + " the caller is absent and its entry has textErased true")
    @APIResponse(responseCode = "400", description = "A supervisor gave no X-Access-Reason for a case not assigned"
            + " to him, or a bad one")
    @APIResponse(responseCode = "403", description = "The case is not assigned to this officer or his team")
    @APIResponse(responseCode = "404", description = "No case has this reference")
    public CaseHistoryView history(@PathParam("reference") String reference,
            @HeaderParam(AccessReason.HEADER) String reason) {
        List<FieldError> errors = OfficerRequest.noErrors();
        Optional<String> checkedReason = AccessReason.optional(reason, errors);
        OfficerRequest.throwIfAny(errors);
        String canonical = OfficerRequest.canonicalReference(reference);
        Reader reader = AccessReason.reader(actor, checkedReason);
        Optional<CaseHistory.Recorded> read = history.of(canonical, reader);
        // The free text was opened only for a reader NeedToKnow admitted; a refusal it audited itself.
        auditLog.record(actor.subject(), CaseHistory.ACTION, canonical, checkedReason.orElse(null),
                read.map(recorded -> recorded.admission().describe()).orElse("not-found"));
        return read.map(recorded -> new CaseHistoryView(recorded.surrenderCase().reference, HistoryEntry.of(recorded)))
                .orElseThrow(() -> new CaseNotFound(canonical));
    }

    @GET
    @Path("/overdue")
    @Operation(operationId = "listOverdueCases",
            summary = "Cases in custody past a deadline (capture card, first family contact, information"
            + " bureau), longest overdue first")
    @APIResponse(responseCode = "200", description = "The overdue cases")
    public OverdueView.Page overdue() {
        OverdueView.Page page = new OverdueView.Page(overdue.now().stream().map(OverdueView::of).toList());
        auditLog.record(actor.subject(), "case.overdue.list", null, null, "ok");
        return page;
    }
}
