package org.hotline.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Who may call what, kept as data ({@code role-matrix.csv} in a service's test resources) and
 * checked by calling every endpoint with every role and with no token at all.
 *
 * <p>One line per endpoint, {@code |}-separated: method, path, content type, body, then the exact
 * status expected with no token and for each role of {@link #CALLERS} in order. A permitted
 * request is made so that it changes nothing (an empty body, an unknown id): its status, not
 * 401 or 403, is the proof that the role passed. {@code {uuid}} in a path becomes a fresh id;
 * a service's own placeholders are given to {@link #read}.
 *
 * <p>That no endpoint is missing is checked against the service's own OpenAPI document:
 * {@link #unlisted} names every operation it documents that the matrix has no line for.
 */
public final class RoleMatrix {

    /** The columns after the body: no token, then one token per role. */
    public static final List<String> CALLERS = List.of("none", "operator", "case-officer", "analyst", "admin",
            "supervisor");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RoleMatrix() {
    }

    /** One endpoint called by one caller, and the status it must get. */
    public record Cell(String method, String path, String contentType, String body, String caller, int expected) {

        public boolean anonymous() {
            return caller.equals("none");
        }

        @Override
        public String toString() {
            return method + " " + path + " as " + caller + " -> " + expected;
        }
    }

    /** What a call got: its status and content type. */
    public record Answer(int status, String contentType) {
    }

    public static List<Cell> read(String resource, Map<String, String> placeholders) {
        List<Cell> cells = new ArrayList<>();
        for (String[] fields : lines(resource)) {
            String path = fields[1].strip();
            for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                path = path.replace("{" + placeholder.getKey() + "}", placeholder.getValue());
            }
            path = path.replace("{uuid}", UUID.randomUUID().toString());
            for (int i = 0; i < CALLERS.size(); i++) {
                cells.add(new Cell(fields[0].strip(), path, fields[2].strip(), fields[3].strip(), CALLERS.get(i),
                        Integer.parseInt(fields[4 + i].strip())));
            }
        }
        return cells;
    }

    /**
     * The operations of {@code documented} (as {@link OpenApiContract#operations} lists them) that
     * no line of the matrix calls, compared by method and path with every path segment that holds
     * a placeholder taken as one: {@code /cases/{reference}} in the document is {@code /cases/{}},
     * and so is {@code /cases/{reference}} or {@code /callers/p-{uuid}} in the matrix.
     */
    public static Set<String> unlisted(String resource, Set<String> documented) {
        Set<String> listed = new TreeSet<>();
        for (String[] fields : lines(resource)) {
            listed.add(template(fields[0].strip() + " " + fields[1].strip()));
        }
        Set<String> missing = new TreeSet<>();
        documented.stream().filter(operation -> !listed.contains(template(operation))).forEach(missing::add);
        return missing;
    }

    private static String template(String operation) {
        String withoutQuery = operation.contains("?") ? operation.substring(0, operation.indexOf('?')) : operation;
        return withoutQuery.replaceAll("/[^/]*\\{[^/]*", "/{}");
    }

    /** The matrix's lines, each split into its fields. */
    private static List<String[]> lines(String resource) {
        InputStream csv = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        Objects.requireNonNull(csv, "no " + resource + " on the test class path");
        List<String[]> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\\|", -1);
                if (fields.length != 4 + CALLERS.size()) {
                    throw new IllegalArgumentException(resource + ": expected " + (4 + CALLERS.size())
                            + " fields in: " + line);
                }
                lines.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /**
     * Calls the cell's endpoint with {@code authorization} (null: none). Only the status line and
     * headers are read, so an endless stream answers as quickly as any other endpoint.
     */
    public static Answer call(URI base, Cell cell, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(cell.path()))
                .timeout(Duration.ofSeconds(30))
                .method(cell.method(), cell.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(cell.body()));
        if (!cell.contentType().isEmpty()) {
            request.header("Content-Type", cell.contentType());
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
