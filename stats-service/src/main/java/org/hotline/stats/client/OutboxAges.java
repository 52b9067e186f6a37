package org.hotline.stats.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline.stats.config.StatsConfig;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the age of the oldest unsent outbox event from the Prometheus endpoints of the services that
 * relay one (intake and case-service serve {@code hotline_outbox_oldest_age_seconds} at
 * {@code /q/metrics}, open like health). No credential and no new endpoint are needed, and the figure
 * is the one the alert rules use.
 */
@ApplicationScoped
public class OutboxAges {

    /** The gauge's sample line: the name, optional labels, then the value. */
    private static final Pattern SAMPLE = Pattern.compile(
            "^hotline_outbox_oldest_age_seconds(?:\\{[^}]*})?\\s+(\\S+)", Pattern.MULTILINE);

    private final StatsConfig config;
    private final HttpClient http;

    public OutboxAges(StatsConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.dashboard().status().sourceTimeout()).build();
    }

    /** One service's answer: the age in seconds, or why there is none. */
    public record Reading(URI source, Optional<Double> seconds, Optional<String> failure) {
    }

    /** Every configured endpoint, asked one after the other (each within the source timeout). */
    public List<Reading> read() {
        List<Reading> readings = new ArrayList<>();
        for (URI source : config.dashboard().status().outboxMetrics()) {
            readings.add(read(source));
        }
        return readings;
    }

    private Reading read(URI source) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(source)
                            .timeout(config.dashboard().status().sourceTimeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return failed(source, "answered " + response.statusCode());
            }
            Matcher sample = SAMPLE.matcher(response.body());
            double oldest = -1;
            while (sample.find()) {
                oldest = Math.max(oldest, Double.parseDouble(sample.group(1)));
            }
            return oldest < 0 ? failed(source, "serves no hotline_outbox_oldest_age_seconds")
                    : new Reading(source, Optional.of(oldest), Optional.empty());
        } catch (IOException | NumberFormatException e) {
            return failed(source, "unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(source, "interrupted");
        }
    }

    private static Reading failed(URI source, String why) {
        return new Reading(source, Optional.empty(), Optional.of(why));
    }
}
