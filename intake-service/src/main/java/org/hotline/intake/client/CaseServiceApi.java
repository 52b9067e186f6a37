package org.hotline.intake.client;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.hotline.audit.trust.OfficerTokenRelay;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * case-service's API as intake uses it. Only {@link CaseClient} calls it, with its fault tolerance.
 * The operator's own {@code Authorization} header goes along with intake's relay token for it
 * ({@link OfficerTokenRelay}): case-service lets an operator read a case by its reference, and
 * intake holds no credential of its own that could read more.
 */
@RegisterRestClient(configKey = "case-service")
@RegisterClientHeaders(OfficerTokenRelay.class)
@Path("/api/v1/cases")
interface CaseServiceApi {

    @GET
    @Path("{reference}")
    @Produces(MediaType.APPLICATION_JSON)
    CaseSummary find(@PathParam("reference") String reference);
}
