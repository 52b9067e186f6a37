package org.hotline.cases.rest;

import org.hotline.audit.AuditLog;
import org.hotline.problem.Actor;
import org.hotline.problem.Roles;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.cases.config.CaseConfig;
import org.hotline.cases.service.CaseHistory;
import org.hotline.cases.service.CaseNotFound;
import org.hotline.cases.service.CaseOpenings;
import org.hotline.cases.service.CaseQueries;
import org.hotline.cases.service.CaseTransitions;
import org.hotline.cases.service.OverdueCases;
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
import jakarta.ws.rs.core.MediaType;

@RolesAllowed(Roles.CASE_OFFICER)
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
    private final AuditLog auditLog;

    public CaseResource(CaseQueries queries, CaseTransitions transitions, CaseHistory history, OverdueCases overdue,
            CaseOpenings openings, CaseConfig config, ObjectMapper json, Actor actor, AuditLog auditLog) {
        this.queries = queries;
        this.transitions = transitions;
        this.history = history;
        this.overdue = overdue;
        this.openings = openings;
        this.config = config;
        this.json = json;
        this.actor = actor;
        this.auditLog = auditLog;
    }

    @GET
    @Path("/{reference}")
    // Operators too: intake asks with the operator's own token when a caller follows up.
    @RolesAllowed({ Roles.CASE_OFFICER, Roles.OPERATOR })
    @Operation(summary = "The case a reference (primary or alias, any case, dashes optional) leads to;"
            + " its ETag is its version, for If-Match on changes")
    public RestResponse<CaseView> byReference(@PathParam("reference") String reference) {
        String canonical = OfficerRequest.canonicalReference(reference);
        Optional<CaseView> read = queries.byReference(canonical).map(CaseView::of);
        // Misses too: a run of unknown references is what an enumeration looks like.
        auditLog.record(actor.subject(), "case.read", canonical, null, read.isPresent() ? "ok" : "not-found");
        CaseView found = read.orElseThrow(() -> new CaseNotFound(canonical));
        return RestResponse.ResponseBuilder.ok(found).header("ETag", OfficerRequest.quoted(found.version())).build();
    }

    @GET
    @Operation(summary = "Cases, newest first, optionally in one state")
    public CasePage list(@QueryParam("state") String state, @QueryParam("page") String page,
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
    @Operation(summary = "Opens a case for a man who came into custody without a call; with an Idempotency-Key, a"
            + " retried request gets the same case and the key on a different request gets 422")
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
            reference = openings.openInCustody(NewCaseIdempotency.checked(idempotencyKey),
                    NewCaseIdempotency.hashOf(json, body, request.officer()), newCase.mode(), newCase.origin(),
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
    @Operation(summary = "Every transition, care record and linked contact of a case, oldest first")
    public CaseHistoryView history(@PathParam("reference") String reference) {
        String canonical = OfficerRequest.canonicalReference(reference);
        Optional<CaseHistoryView> read = history.of(canonical)
                .map(recorded -> new CaseHistoryView(recorded.surrenderCase().reference, HistoryEntry.of(recorded)));
        auditLog.record(actor.subject(), "case.history.read", canonical, null, read.isPresent() ? "ok" : "not-found");
        return read.orElseThrow(() -> new CaseNotFound(canonical));
    }

    @GET
    @Path("/overdue")
    @Operation(summary = "Cases in custody past a deadline (capture card, first family contact, information"
            + " bureau), longest overdue first")
    public OverdueView.Page overdue() {
        OverdueView.Page page = new OverdueView.Page(overdue.now().stream().map(OverdueView::of).toList());
        auditLog.record(actor.subject(), "case.overdue.list", null, null, "ok");
        return page;
    }
}
