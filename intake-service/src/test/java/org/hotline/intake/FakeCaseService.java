package org.hotline.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hotline.events.CaseState;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real HTTP server standing in for case-service's {@code GET /api/v1/cases/{reference}}, so the
 * client, its fault tolerance and the JSON it reads are exercised over the wire. Tests open
 * cases on it with {@link #open}; any other reference is a 404 problem, as case-service answers.
 */
public class FakeCaseService implements QuarkusTestResourceLifecycleManager {

    private static final String PATH = "/api/v1/cases/";
    private static final String THROTTLED = "throttled:";

    private final Map<String, String> states = new ConcurrentHashMap<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(PATH, this::answer);
        server.start();
        return Map.of("quarkus.rest-client.case-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Makes the stand-in know a case under this reference, in this state. */
    public static void open(String reference, CaseState state) {
        put(reference, state.name());
    }

    private static void put(String reference, String state) {
        String url = ConfigProvider.getConfig().getValue("quarkus.rest-client.case-service.url", String.class);
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + PATH + reference))
                            .PUT(HttpRequest.BodyPublishers.ofString(state)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("stand-in refused the case: " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the stand-in refuse lookups of this reference as case-service refuses an operator who
     * guessed too many references: 429 with {@code Retry-After}.
     */
    public static void throttle(String reference, int retryAfterSeconds) {
        put(reference, THROTTLED + retryAfterSeconds);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String reference = exchange.getRequestURI().getPath().substring(PATH.length());
        if ("PUT".equals(exchange.getRequestMethod())) {
            states.put(reference, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        String state = states.get(reference);
        if (state != null && state.startsWith(THROTTLED)) {
            exchange.getResponseHeaders().set("Retry-After", state.substring(THROTTLED.length()));
            send(exchange, 429, "application/problem+json", """
                    {"type":"about:blank","title":"Too Many Requests","status":429,"detail":"Too many unknown case references lately; try again later."}
                    """);
        } else if (state == null) {
            send(exchange, 404, "application/problem+json", """
                    {"type":"about:blank","title":"Not Found","status":404,"detail":"There is no case %s."}
                    """.formatted(reference));
        } else {
            send(exchange, 200, "application/json", """
                    {"reference":"%1$s","references":["%1$s"],"state":"%2$s","openedAt":"2023-03-01T10:00:00Z",
                     "origin":"RU","contactCount":1,"lastContactAt":"2023-03-01T10:00:00Z","custodyMode":null,
                     "version":3}
                    """.formatted(reference, state));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
