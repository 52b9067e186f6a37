package org.hotline.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for intake's and case-service's {@code /q/metrics}: one real HTTP endpoint that serves
 * the outbox gauge in Prometheus text, with the value {@link #OLDEST_AGE_SECONDS}.
 */
public class OutboxMetricsStandIn implements QuarkusTestResourceLifecycleManager {

    static final double OLDEST_AGE_SECONDS = 90.5;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/q/metrics", exchange -> {
            byte[] body = ("""
                    # TYPE hotline_outbox_oldest_age_seconds gauge
                    hotline_outbox_oldest_age_seconds 12.0
                    hotline_outbox_pending 3.0
                    hotline_outbox_oldest_age_seconds{instance="second"} %s
                    """.formatted(OLDEST_AGE_SECONDS)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return Map.of("hotline.stats.dashboard.status.outbox-metrics",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/q/metrics");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
