package org.hotline.cases.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.cases.config.CaseConfig;
import org.hotline.cases.service.CaseQueries;
import org.hotline.events.CaseReference;
import org.hotline.problem.Problem.FieldError;
import org.hotline.problem.ProblemException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases")
public class CaseResource {

    private final CaseQueries queries;
    private final CaseConfig config;

    public CaseResource(CaseQueries queries, CaseConfig config) {
        this.queries = queries;
        this.config = config;
    }

    @GET
    @Path("/{reference}")
    @Operation(summary = "The case a reference (primary or alias, any case, dashes optional) leads to")
    public CaseView byReference(@PathParam("reference") String reference) {
        String canonical = CaseReference.normalize(reference)
                .orElseThrow(() -> ProblemException.badRequest("The case reference is malformed.",
                        List.of(new FieldError("reference", "must be a case reference of eight characters,"
                                + " such as 72CQ-Q8E5; the last one is a check character"))));
        return queries.byReference(canonical)
                .map(CaseView::of)
                .orElseThrow(() -> ProblemException.notFound("No case has reference " + canonical + "."));
    }

    @GET
    @Operation(summary = "Cases, newest first, optionally in one state")
    public CasePage list(@QueryParam("state") String state, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        CaseListRequest request = CaseListRequest.parse(state, page, size, config);
        CaseQueries.CasePageResult result = queries.list(request.state(), request.page(), request.size());
        return new CasePage(result.items().stream().map(CaseView::of).toList(), request.page(), request.size(),
                result.total());
    }
}
