package org.hotline.stats.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.hotline.stats.config.StatsConfig;
import org.hotline.stats.repository.Publications.Publication;
import org.hotline.stats.service.NothingPublished;
import org.hotline.stats.service.PublicRequestThrottle;
import org.hotline.stats.service.PublicStats;
import org.hotline.stats.service.Publisher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * Figures for the press and the public, served without a token: the latest publication of a closed
 * period, never live figures (see {@link PublicStats}). The same request gets the same bytes until
 * the next publication, with an {@code ETag} (a matching {@code If-None-Match} gets 304) and a
 * {@code Cache-Control} that lasts until then; each client address is rate-limited.
 */
@Path("/api/v1/stats/public")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicStatsResource {

    private final PublicStats publicStats;
    private final Publisher publisher;
    private final PublicRequestThrottle throttle;
    private final ObjectMapper json;
    private final StatsConfig config;
    private final Clock clock;

    public PublicStatsResource(PublicStats publicStats, Publisher publisher, PublicRequestThrottle throttle,
                               ObjectMapper json, StatsConfig config, Clock clock) {
        this.publicStats = publicStats;
        this.publisher = publisher;
        this.throttle = throttle;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("/summary")
    @Operation(operationId = "publicSummary", summary = "The summary of the latest closed period: counts below "
            + "the threshold and their complements hidden, every other count rounded to a multiple of 5")
    @APIResponse(responseCode = "200", description = "The latest publication",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PublicStats.PublicSummary.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After")
    @APIResponse(responseCode = "503", description = "Nothing has been published yet; see Retry-After")
    public Response summary(@Context HttpServerRequest http, @Context Request request) {
        throttle.admit(clientAddress(http));
        Publication publication = publicStats.latest().orElseThrow(NothingPublished::new);
        return cached(request, publication, publication.summary());
    }

    @GET
    @Path("/series")
    @Operation(operationId = "publicSeries", summary = "A series cut from the latest publication, by whole days "
            + "at the finest: counts below the threshold and their complements hidden, every other count rounded")
    @APIResponse(responseCode = "200", description = "The publishable series, up to the published period's end",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PublicStats.PublicSeries.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After")
    @APIResponse(responseCode = "503", description = "Nothing has been published yet; see Retry-After")
    public Response series(@Context HttpServerRequest http, @Context Request request,
                           @QueryParam("metric") String metric, @QueryParam("granularity") String granularity,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("groupBy") String groupBy) throws JsonProcessingException {
        throttle.admit(clientAddress(http));
        PublicStats.PublicSeries series = publicStats.series(SeriesParameters.parseWholeDays(metric, granularity, from,
                to, groupBy, config.timeZone(), config.maxSeriesBuckets()));
        Publication publication = publicStats.latest().orElseThrow(NothingPublished::new);
        return cached(request, publication, json.writeValueAsString(series));
    }

    /**
     * The address the request came from. Behind a reverse proxy that is the proxy's, unless the
     * deployment trusts its forwarding headers ({@code quarkus.http.proxy.*}); see the README.
     */
    private static String clientAddress(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    private Response cached(Request request, Publication publication, String body) {
        EntityTag tag = new EntityTag(digest(body));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = unchanged != null ? unchanged : Response.ok(body, MediaType.APPLICATION_JSON);
        return answer.tag(tag).header("Cache-Control", "public, max-age=" + maxAge(publication).toSeconds()).build();
    }

    /** Until the next publication is due, at most {@code max-age}. */
    private Duration maxAge(Publication publication) {
        Instant next = publisher.nextPublicationAfter(publication);
        Duration untilNext = Duration.between(clock.instant(), next);
        if (untilNext.isNegative()) {
            return Duration.ZERO;
        }
        return untilNext.compareTo(config.publication().maxAge()) > 0 ? config.publication().maxAge() : untilNext;
    }

    private static String digest(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
