package org.hotline.stats.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.hotline.stats.config.StatsConfig;
import org.hotline.stats.service.PublicStats;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Figures for the press and the public, served without a token, with small counts hidden. */
@Path("/api/v1/stats/public")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicStatsResource {

    private final PublicStats publicStats;
    private final StatsConfig config;

    public PublicStatsResource(PublicStats publicStats, StatsConfig config) {
        this.publicStats = publicStats;
        this.config = config;
    }

    @GET
    @Path("/summary")
    @Operation(operationId = "publicSummary",
            summary = "The summary for publication: counts below the threshold and their complements hidden")
    @APIResponse(responseCode = "200", description = "The publishable summary")
    public PublicStats.PublicSummary summary() {
        return publicStats.summary();
    }

    @GET
    @Path("/series")
    @Operation(operationId = "publicSeries",
            summary = "A series for publication: counts below the threshold and their complements hidden")
    @APIResponse(responseCode = "200", description = "The publishable series")
    public PublicStats.PublicSeries series(@QueryParam("metric") String metric,
                                           @QueryParam("granularity") String granularity,
                                           @QueryParam("from") String from, @QueryParam("to") String to,
                                           @QueryParam("groupBy") String groupBy) {
        return publicStats.series(SeriesParameters.parse(metric, granularity, from, to, groupBy, config.timeZone(),
                config.maxSeriesBuckets()));
    }
}
