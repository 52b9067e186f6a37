package org.hotline.stats.rest;

import java.util.List;

import org.hotline.problem.Problem;
import org.hotline.stats.service.IncompleteHistory;
import org.hotline.stats.service.IncompleteHistory.TruncatedPartition;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.Response;

/**
 * A rebuild refused for an incomplete history is a 409 problem that names each partition whose
 * records were deleted, as the extension member {@code truncatedPartitions}.
 */
public class IncompleteHistoryMapper {

    @ServerExceptionMapper
    public Response refused(IncompleteHistory e) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(new IncompleteHistoryProblem("about:blank", "Conflict", 409, e.getMessage(), e.truncated()))
                .build();
    }

    /** RFC 9457 problem with extension members. */
    public record IncompleteHistoryProblem(String type, String title, int status, String detail,
            List<TruncatedPartition> truncatedPartitions) {
    }
}
