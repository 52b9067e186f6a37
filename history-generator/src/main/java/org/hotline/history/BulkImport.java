package org.hotline.history;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline.events.Purpose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Feeds contacts through intake's public bulk API ({@code POST /api/v1/contacts:batch}, NDJSON),
 * so that history takes the same path as live contacts: validation, outbox, Kafka, consumers.
 * Each batch carries an Idempotency-Key derived from the run, so a batch sent again (after a
 * timeout, or by running the same seed twice) is not recorded twice.
 */
public final class BulkImport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    /** What the import did: lines the API accepted and refused, and why (by problem text). */
    public record Outcome(long accepted, long refused, Map<String, Long> refusals) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String runKey;
    private final int batchSize;
    private final Progress progress;
    /** References the API gave the surrender requests, by their number: later contacts name them. */
    private final Map<Integer, String> references = new HashMap<>();
    private final List<PlannedContact> batch = new ArrayList<>();
    private final Map<String, Long> refusals = new LinkedHashMap<>();
    private long accepted;
    private long refused;
    private int batches;
    /** Surrender requests sent so far; they are numbered in the order they are sent. */
    private int sentRequests;

    BulkImport(URI intake, String runKey, int batchSize, Progress progress) {
        this.endpoint = intake.resolve("/api/v1/contacts:batch");
        this.runKey = runKey;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    void add(PlannedContact contact) {
        // A contact naming a request of this very batch would not know its reference yet.
        if (contact.namesACase() && contact.surrender() >= sentRequests) {
            flush();
        }
        batch.add(contact);
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    Outcome finish() {
        flush();
        return new Outcome(accepted, refused, refusals);
    }

    void flush() {
        if (batch.isEmpty()) {
            return;
        }
        StringBuilder body = new StringBuilder(batch.size() * 200);
        for (PlannedContact contact : batch) {
            body.append(line(contact)).append('\n');
            if (contact.purpose() == Purpose.SURRENDER_REQUEST) {
                sentRequests = Math.max(sentRequests, contact.surrender() + 1);
            }
        }
        JsonNode answer = send(body.toString(), runKey + "-" + batches++);
        for (JsonNode result : answer.path("results")) {
            int index = result.path("line").asInt() - 1;
            PlannedContact contact = batch.get(index);
            int status = result.path("status").asInt();
            if (status >= 200 && status < 300) {
                accepted++;
                if (contact.purpose() == Purpose.SURRENDER_REQUEST
                        && result.hasNonNull("caseReference")) {
                    references.put(contact.surrender(), result.path("caseReference").asText());
                }
            } else {
                refused++;
                String reason = status + " " + contact.purpose() + ": " + result.path("errors").toString()
                        + result.path("detail").asText("");
                refusals.merge(reason.length() > 160 ? reason.substring(0, 160) : reason, 1L, Long::sum);
            }
        }
        progress.advance(batch.size());
        batch.clear();
    }

    private String line(PlannedContact contact) {
        Map<String, Object> caller = new LinkedHashMap<>();
        caller.put("identifier", contact.identifier());
        caller.put("role", contact.role().name());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("channel", contact.channel().name());
        line.put("receivedAt", contact.receivedAt().toString());
        line.put("purpose", contact.purpose().name());
        line.put("origin", contact.origin().name());
        line.put("caller", caller);
        if (contact.namesACase() && references.containsKey(contact.surrender())) {
            line.put("caseReference", references.get(contact.surrender()));
        } else if (contact.purpose() == Purpose.FOLLOW_UP) {
            // The request it follows up was refused, so there is no reference to name.
            line.put("purpose", Purpose.INFORMATION.name());
        }
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends one batch, again and again with the same key while the service is unreachable or failing. */
    private JsonNode send(String ndjson, String idempotencyKey) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        long backoffMillis = 250;
        String lastFailure = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(BearerToken.added(HttpRequest.newBuilder(endpoint))
                        .timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/x-ndjson")
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(ndjson, StandardCharsets.UTF_8))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.body());
                }
                lastFailure = response.statusCode() + " " + response.body();
                if (response.statusCode() < 500) {
                    throw new IllegalStateException("intake refused a whole batch: " + lastFailure);
                }
            } catch (IOException e) {
                lastFailure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            pause(backoffMillis);
            backoffMillis = Math.min(backoffMillis * 2, 5_000);
        }
        throw new IllegalStateException("intake did not take batch " + idempotencyKey + " within " + GIVE_UP
                + "; last answer: " + lastFailure);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A one-line progress bar on a terminal; a line every tenth when the output is a file. */
    static final class Progress {

        private final PrintStream out;
        private final long total;
        private final boolean terminal;
        private final long started = System.nanoTime();
        private long done;
        private long lastTenth = -1;

        Progress(PrintStream out, long total) {
            this.out = out;
            this.total = total;
            this.terminal = System.console() != null;
        }

        void advance(long contacts) {
            done += contacts;
            double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
            int width = 40;
            int filled = (int) (width * done / Math.max(1, total));
            String bar = String.format("[%s%s] %5.1f%%  %,d/%,d contacts  %,.0f/s", "#".repeat(filled),
                    ".".repeat(width - filled), 100.0 * done / Math.max(1, total), done, total, done / seconds);
            if (terminal) {
                out.print("\r" + bar);
                if (done >= total) {
                    out.println();
                }
            } else if (done * 10 / Math.max(1, total) != lastTenth) {
                lastTenth = done * 10 / Math.max(1, total);
                out.println(bar);
            }
            out.flush();
        }
    }
}
