package org.hotline.cases.rest;

import java.util.List;

import org.hotline.cases.service.TransitionRefused;
import org.hotline.events.CaseState;
import org.hotline.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.Response;

/**
 * A refused move is a 409 problem that names the states the case may move to instead, as the
 * extension member {@code allowedNext} (empty for a final case).
 */
public class TransitionRefusedMapper {

    @ServerExceptionMapper
    public Response refused(TransitionRefused e) {
        String allowed = e.allowedNext().isEmpty()
                ? " It is final: no move is allowed."
                : " Allowed next: " + String.join(", ", e.allowedNext().stream().map(Enum::name).toList()) + ".";
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(new RefusedTransition("about:blank", "Conflict", 409, e.getMessage() + allowed, e.from(),
                        e.to(), List.copyOf(e.allowedNext())))
                .build();
    }

    /** RFC 9457 problem with extension members. */
    public record RefusedTransition(String type, String title, int status, String detail, CaseState from,
            CaseState to, List<CaseState> allowedNext) {
    }
}
