package org.hotline.cases.client;

import java.util.UUID;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.hotline.audit.trust.OfficerTokenRelay;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * intake-service's contact API. Package-private: the rest of the service goes through
 * {@link IntakeClient}, which adds the timeout, retry and circuit breaker.
 *
 * <p>The officer's own {@code Authorization} header goes along with case-service's relay token for
 * it ({@link OfficerTokenRelay}), so that intake checks his role and audits the read under his
 * name, not case-service's, and takes his token, meant for case-service, only with that relay token.
 */
@Path("/api/v1/contacts")
@RegisterRestClient(configKey = "intake-service")
@RegisterClientHeaders(OfficerTokenRelay.class)
interface IntakeApi {

    /**
     * The contact with its personal data, passed through untouched: case-service neither reads
     * nor keeps it, so it does not model it either.
     */
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode contact(@PathParam("id") UUID id, @HeaderParam("X-Access-Reason") String accessReason);
}
