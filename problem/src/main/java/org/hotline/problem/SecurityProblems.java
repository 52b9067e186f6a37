package org.hotline.problem;

import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Refused credentials as {@code application/problem+json}, like every other failure. Where a
 * service authenticates lazily ({@code quarkus.http.auth.proactive=false}) a bad token fails inside
 * the REST layer, where these mappers see it; where it authenticates proactively (intake, so that
 * no body is read before the token is checked) Quarkus REST hands the HTTP layer's failure to them
 * too, instead of a bare 401.
 *
 * <p>The detail never says what was wrong with a token (signature, issuer, expiry): that would
 * teach a forger what to fix. The log line says it, without the token itself.
 */
public class SecurityProblems {

    private static final Logger LOG = Logger.getLogger("org.hotline.security");
    private static final String BEARER = "Bearer";

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e, ContainerRequestContext request) {
        LOG.infof("Refused %s: bearer token failed verification (%s)", requestLine(request), causeOf(e));
        return unauthorized("A valid bearer token is required.");
    }

    @ServerExceptionMapper
    public Response noToken(UnauthorizedException e, ContainerRequestContext request) {
        LOG.infof("Refused %s: no bearer token", requestLine(request));
        return unauthorized("A bearer token is required.");
    }

    @ServerExceptionMapper
    public Response missingRole(ForbiddenException e, ContainerRequestContext request) {
        LOG.infof("Refused %s: the token's roles do not allow it", requestLine(request));
        return Problem.of(403, "Forbidden", "Your role does not allow this request.", List.of()).toResponse();
    }

    /** Method and path only: the query may hold what a client should not have sent, never logged. */
    private static String requestLine(ContainerRequestContext request) {
        return request.getMethod() + " " + request.getUriInfo().getPath();
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.of(401, "Unauthorized", detail, List.of()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, BEARER)
                .build();
    }

    private static String causeOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // The class only: some verifier messages quote claims of the refused token.
        return root.getClass().getSimpleName();
    }
}
