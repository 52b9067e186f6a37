package org.hotline.stats.rest;

import java.time.Duration;
import java.util.List;

import org.hotline.problem.Problem;
import org.hotline.stats.config.StatsConfig;
import org.hotline.stats.service.NothingPublished;
import org.hotline.stats.service.PublicRequestsThrottled;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.Response;

/** The public view's refusals as application/problem+json, each with a Retry-After. */
public class PublicRefusalMappers {

    private final StatsConfig config;

    public PublicRefusalMappers(StatsConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response throttled(PublicRequestsThrottled e) {
        return withRetryAfter(Problem.of(429, "Too Many Requests", e.getMessage(), List.of()).toResponse(),
                e.retryAfter());
    }

    @ServerExceptionMapper
    public Response nothingPublished(NothingPublished e) {
        return withRetryAfter(Problem.of(503, "Service Unavailable", e.getMessage(), List.of()).toResponse(),
                config.publication().checkEvery());
    }

    /** In whole seconds, rounded up, so a client that waits as told is let through. */
    private static Response withRetryAfter(Response problem, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Response.fromResponse(problem).header("Retry-After", seconds).build();
    }
}
