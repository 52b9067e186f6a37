package org.hotline.stats.rest;

import org.hotline.problem.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.hotline.stats.config.StatsConfig;
import org.hotline.stats.service.Series;
import org.hotline.stats.service.StatsQuery;
import org.hotline.stats.service.Summary;
import org.hotline.stats.service.SummaryFeed;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.mutiny.Multi;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Rolling counts for the ops room. */
@Path("/api/v1/stats")
@RolesAllowed(Roles.ANALYST)
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final StatsQuery query;
    private final SummaryFeed feed;
    private final StatsConfig config;

    public StatsResource(StatsQuery query, SummaryFeed feed, StatsConfig config) {
        this.query = query;
        this.feed = feed;
        this.config = config;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "streamSummary",
            summary = "Server-sent events: the summary now, then again whenever it changes (at most once a second)")
    @APIResponse(responseCode = "200", description = "A stream of summaries (text/event-stream)")
    public Multi<Summary> stream() {
        return feed.stream();
    }

    @GET
    @Path("/summary")
    @Operation(operationId = "summary",
            summary = "Headline figures: contacts, rolling windows, surrender requests by month, cases")
    @APIResponse(responseCode = "200", description = "The headline figures")
    public Summary summary() {
        return query.summary();
    }

    @GET
    @Path("/series")
    @Operation(operationId = "series",
            summary = "Counts per day, ISO week or month of the configured zone, every bucket present")
    @APIResponse(responseCode = "200", description = "One count per bucket")
    public Series series(@QueryParam("metric") String metric, @QueryParam("granularity") String granularity,
                         @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("groupBy") String groupBy) {
        return query.series(SeriesParameters.parse(metric, granularity, from, to, groupBy, config.timeZone(),
                config.maxSeriesBuckets()));
    }
}
