package org.hotline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The load generator: posts unique contacts to intake's {@code POST /api/v1/contacts}.
 *
 * <p>An <b>open-model</b> run sends at a fixed rate whatever the answers do, and times each request
 * from the moment it was due, not from when it was sent: a slow answer then cannot hide the
 * queue behind it (wrk would, and wrk2, which fixes this, is not packaged by Debian). A
 * <b>closed-model</b> run keeps a fixed number of requests in flight, as wrk does: its rate is the peak.
 *
 * <p>An {@code Authorization} header, when given, goes with every request, for intake once it
 * asks for a bearer token.
 */
final class ContactLoad {

    /** Beyond this many requests in flight the generator counts the request as refused, not queued. */
    private static final int MAX_IN_FLIGHT = 2048;

    private final URI contacts;
    private final Optional<String> authorization;
    private final ContactBodies bodies;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "load-http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;

    ContactLoad(URI intake, Optional<String> authorization, ContactBodies bodies) {
        this.contacts = intake.resolve("/api/v1/contacts");
        this.authorization = authorization;
        this.bodies = bodies;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** {@code rate} contacts per second for {@code duration}; {@code accepted} hears of every 2xx. */
    Result openModel(String name, double rate, Duration duration, Consumer<Accepted> accepted) {
        Latencies latencies = new Latencies();
        Counters counters = new Counters();
        Phaser inFlight = new Phaser(1);
        AtomicInteger outstanding = new AtomicInteger();
        double cpuBefore = generatorCpuMillis();
        long start = System.nanoTime();
        long length = duration.toNanos();
        for (long i = 0; ; i++) {
            long due = start + (long) (i * 1e9 / rate);
            if (due - start >= length) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            counters.sent.incrementAndGet();
            if (outstanding.get() >= MAX_IN_FLIGHT) {
                counters.generatorRefused.incrementAndGet();
                continue;
            }
            ContactBodies.Body body = bodies.next();
            outstanding.incrementAndGet();
            inFlight.register();
            http.sendAsync(request(body), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                latencies.record(now - due);
                counters.count(response, failure, body, now, accepted);
                outstanding.decrementAndGet();
                inFlight.arriveAndDeregister();
            });
        }
        long sendingEnded = System.nanoTime();
        inFlight.arriveAndAwaitAdvance();
        return counters.result(name, rate, (sendingEnded - start) / 1e9, latencies, generatorCpuMillis() - cpuBefore);
    }

    /** {@code connections} requests always in flight for {@code duration}: the peak rate. */
    Result closedModel(String name, int connections, Duration duration) {
        Latencies latencies = new Latencies();
        Counters counters = new Counters();
        double cpuBefore = generatorCpuMillis();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    ContactBodies.Body body = bodies.next();
                    long sent = System.nanoTime();
                    counters.sent.incrementAndGet();
                    try {
                        HttpResponse<Void> response = http.send(request(body), HttpResponse.BodyHandlers.discarding());
                        long now = System.nanoTime();
                        latencies.record(now - sent);
                        counters.count(response, null, body, now, a -> { });
                    } catch (Exception e) {
                        latencies.record(System.nanoTime() - sent);
                        counters.count(null, e, body, System.nanoTime(), a -> { });
                        if (e instanceof InterruptedException) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }, "load-" + c);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return counters.result(name, 0, (System.nanoTime() - start) / 1e9, latencies,
                generatorCpuMillis() - cpuBefore);
    }

    private HttpRequest request(ContactBodies.Body body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(contacts).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.json()));
        authorization.ifPresent(value -> request.header("Authorization", value));
        return request.build();
    }

    /** CPU of this JVM, which runs the generator: so the report can show it is not the bottleneck. */
    static double generatorCpuMillis() {
        return ProcessCpu.ownMillis(ProcessHandle.current().pid());
    }

    /** One 2xx: when it came back, and whether it was a surrender request (which opens a case). */
    record Accepted(long nanoTime, boolean surrender) {
    }

    /** What one run did. {@code offeredRate} is 0 for a closed-model run. */
    record Result(String name, double offeredRate, double seconds, long sent, long accepted, long surrenders,
            long errors, long generatorRefused, String firstError, Latencies.Summary latency,
            double generatorCpuMillis) {

        double acceptedPerSecond() {
            return accepted / seconds;
        }

        /** The generator's CPU as a share of one core over the run. */
        double generatorCoreShare() {
            return generatorCpuMillis / (seconds * 1000);
        }
    }

    private static final class Counters {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong surrenders = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong generatorRefused = new AtomicLong();
        volatile String firstError = "";

        void count(HttpResponse<?> response, Throwable failure, ContactBodies.Body body, long now,
                Consumer<Accepted> accepted) {
            if (response != null && response.statusCode() / 100 == 2) {
                this.accepted.incrementAndGet();
                if (body.surrender()) {
                    surrenders.incrementAndGet();
                }
                accepted.accept(new Accepted(now, body.surrender()));
                return;
            }
            errors.incrementAndGet();
            if (firstError.isEmpty()) {
                firstError = response != null ? "HTTP " + response.statusCode() : String.valueOf(failure);
            }
        }

        Result result(String name, double rate, double seconds, Latencies latencies, double cpuMillis) {
            return new Result(name, rate, seconds, sent.get(), accepted.get(), surrenders.get(), errors.get(),
                    generatorRefused.get(), firstError, latencies.summary(), cpuMillis);
        }
    }
}
