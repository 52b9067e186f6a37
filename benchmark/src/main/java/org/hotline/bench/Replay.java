package org.hotline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A stats rebuild, timed: {@code POST /api/v1/admin/rebuild} on stats-service, then its progress
 * ({@code GET}) until it is {@code DONE}. The events are every record it replayed from both topics;
 * the time is the rebuild's own, from its {@code startedAt} to its {@code finishedAt}.
 */
final class Replay {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI rebuild;
    private final String authorization;

    /** {@code authorization}: a bearer token with the {@code admin} role. */
    Replay(URI stats, String authorization) {
        this.rebuild = stats.resolve("/api/v1/admin/rebuild");
        this.authorization = authorization;
    }

    /**
     * Starts the rebuild and follows it until it is done, or until {@code budget} has passed: then
     * the drain is over what it read so far, and the rebuild is still running.
     */
    Drain run(Duration budget) {
        HttpResponse<String> started = send(HttpRequest.newBuilder(rebuild).POST(HttpRequest.BodyPublishers.noBody()));
        if (started.statusCode() != 202) {
            throw new BenchFailure("stats-service refused the rebuild (" + started.statusCode() + "): " + started.body());
        }
        Instant deadline = Instant.now().plus(budget);
        while (true) {
            JsonNode progress = read(send(HttpRequest.newBuilder(rebuild).GET()));
            switch (progress.path("state").asText()) {
                case "DONE" -> {
                    return of(progress, Instant.now());
                }
                case "FAILED" -> throw new BenchFailure("the stats rebuild failed: " + progress.path("error").asText());
                default -> {
                    if (Instant.now().isAfter(deadline)) {
                        return of(progress, Instant.now());
                    }
                    pause();
                }
            }
        }
    }

    /**
     * The drain a rebuild's progress shows: the records it read over its own start to its end (or
     * to {@code now}, if it is still running).
     */
    static Drain of(JsonNode progress, Instant now) {
        long done = 0;
        long total = 0;
        for (JsonNode topic : progress.path("topics")) {
            done += topic.path("done").asLong();
            total += topic.path("total").asLong();
        }
        Instant end = progress.path("finishedAt").isMissingNode() || progress.path("finishedAt").isNull() ? now
                : instant(progress.path("finishedAt"));
        Duration took = Duration.between(instant(progress.path("startedAt")), end);
        return new Drain(done, took.toNanos() / 1e9, total, done);
    }

    /** ISO-8601 as Quarkus writes an Instant, or seconds since the epoch if the mapper writes numbers. */
    private static Instant instant(JsonNode value) {
        if (value.isNumber()) {
            return Instant.ofEpochSecond(0).plusNanos(value.decimalValue().movePointRight(9).longValue());
        }
        if (!value.isTextual()) {
            throw new BenchFailure("the rebuild's progress has no start time: " + value);
        }
        return Instant.parse(value.asText());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", authorization).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BenchFailure("cannot reach stats-service's rebuild at " + rebuild + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }

    private static JsonNode read(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new BenchFailure("stats-service answered " + response.statusCode() + " for the rebuild's progress: "
                    + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new BenchFailure("the rebuild's progress is not JSON: " + response.body());
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(Drain.POLL.toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }
}
