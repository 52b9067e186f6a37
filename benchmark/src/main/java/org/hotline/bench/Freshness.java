package org.hotline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How soon an accepted contact shows where people read it: in stats-service's contact total and,
 * for a surrender request, in case-service's list of cases. Counted, not traced: the k-th contact
 * intake accepted during the run is fresh once the total has grown by k, and its freshness is the
 * time from its 2xx until then. Totals are read every {@link #POLL}, which bounds the resolution.
 */
final class Freshness {

    static final Duration POLL = Duration.ofMillis(50);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Optional<String> authorization;
    private final URI statsSummary;
    private final URI cases;
    private final List<Long> contactAccepted = new CopyOnWriteArrayList<>();
    private final List<Long> surrenderAccepted = new CopyOnWriteArrayList<>();

    Freshness(URI stats, URI caseService, Optional<String> authorization) {
        this.statsSummary = stats.resolve("/api/v1/stats/summary");
        this.cases = caseService.resolve("/api/v1/cases?state=REQUESTED&page=0&size=1");
        this.authorization = authorization;
    }

    /** Hears of one 2xx of the load. */
    void accepted(ContactLoad.Accepted accepted) {
        contactAccepted.add(accepted.nanoTime());
        if (accepted.surrender()) {
            surrenderAccepted.add(accepted.nanoTime());
        }
    }

    long statsTotal() {
        return read(statsSummary, json -> json.path("contacts").path("total").asLong());
    }

    long caseTotal() {
        return read(cases, json -> json.path("total").asLong());
    }

    /**
     * Polls both totals while {@code load} runs and until they have grown by what it got accepted
     * (or {@code settle} has passed after it ended); the freshness of every contact and case.
     */
    Result during(Runnable load, Duration settle) {
        long statsBase = statsTotal();
        long caseBase = caseTotal();
        Latencies contacts = new Latencies();
        Latencies surrenders = new Latencies();
        int[] seen = new int[2];
        Thread loader = new Thread(load, "freshness-load");
        loader.start();
        long settleDeadline = Long.MAX_VALUE;
        while (true) {
            long now = System.nanoTime();
            seen[0] = markFresh(contactAccepted, statsTotal() - statsBase, seen[0], now, contacts);
            seen[1] = markFresh(surrenderAccepted, caseTotal() - caseBase, seen[1], now, surrenders);
            if (!loader.isAlive()) {
                if (settleDeadline == Long.MAX_VALUE) {
                    settleDeadline = now + settle.toNanos();
                }
                if ((seen[0] >= contactAccepted.size() && seen[1] >= surrenderAccepted.size()) || now > settleDeadline) {
                    break;
                }
            }
            pause();
        }
        return new Result(contacts.summary(), contactAccepted.size() - seen[0], surrenders.summary(),
                surrenderAccepted.size() - seen[1]);
    }

    /**
     * @param contactsNeverSeen contacts accepted that the stats did not show before the settle time
     * @param casesNeverSeen    surrender requests accepted with no case before the settle time
     */
    record Result(Latencies.Summary stats, long contactsNeverSeen, Latencies.Summary cases, long casesNeverSeen) {
    }

    private static int markFresh(List<Long> accepted, long grown, int seen, long now, Latencies latencies) {
        int upTo = (int) Math.min(grown, accepted.size());
        for (int k = seen; k < upTo; k++) {
            latencies.record(Math.max(0, now - accepted.get(k)));
        }
        return Math.max(seen, upTo);
    }

    private long read(URI uri, ToLongFunction<JsonNode> figure) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new BenchFailure(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return figure.applyAsLong(JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new BenchFailure(uri + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }

    private static void pause() {
        try {
            TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }
}
