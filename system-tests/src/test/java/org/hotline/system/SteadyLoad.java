package org.hotline.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Contacts at a steady rate through intake's public API, as operators' consoles send them: many
 * callers, repeat contacts, surrender requests and follow-ups naming the reference a caller got.
 * Every contact carries an Idempotency-Key and a marker in its notes; an answer that is not a
 * decision (5xx, no answer) is retried with the same key and body, with backoff, until a deadline.
 */
final class SteadyLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String MARKER_PREFIX = "fault-load ";

    enum Outcome { PENDING, ACCEPTED, REFUSED, UNANSWERED }

    /** One contact as the client saw it. */
    static final class Sent {
        final String marker;
        final String phase;
        final byte[] body;
        final String caller;
        final boolean surrenderRequest;
        volatile Outcome outcome = Outcome.PENDING;
        volatile int lastStatus;
        volatile int requests;
        final long startedNanos = System.nanoTime();

        Sent(String marker, String phase, byte[] body, String caller, boolean surrenderRequest) {
            this.marker = marker;
            this.phase = phase;
            this.body = body;
            this.caller = caller;
            this.surrenderRequest = surrenderRequest;
        }
    }

    private final String intakeUrl;
    private final Duration giveUpAfter;
    private final Random random = new Random(20220918);
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(4);
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> referenceOfCaller = new ConcurrentHashMap<>();
    private final List<String> callers = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    SteadyLoad(String intakeUrl, Duration giveUpAfter) {
        this.intakeUrl = intakeUrl;
        this.giveUpAfter = giveUpAfter;
    }

    /** Requests sent so far, retries included. */
    int requests() {
        return requests.get();
    }

    List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /**
     * Sends {@code count} contacts, one every {@code interval}, labelled with {@code phase}; the
     * latch opens when every one of them has an outcome.
     */
    CountDownLatch run(String phase, int count, Duration interval) {
        CountDownLatch done = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            executor.schedule(() -> {
                Sent contact = next(phase);
                sent.add(contact);
                attempt(contact, 250, done);
            }, interval.toMillis() * i, TimeUnit.MILLISECONDS);
        }
        return done;
    }

    private synchronized Sent next(String phase) {
        // Ten new callers per phase, and the earlier ones keep calling: repeat contacts.
        if (callers.isEmpty() || random.nextInt(100) < 15) {
            callers.add(Contacts.freshPhoneNumber());
        }
        String caller = callers.get(random.nextInt(callers.size()));
        String marker = MARKER_PREFIX + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", random.nextBoolean() ? "PHONE" : "CHAT_BOT");
        body.put("receivedAt", Instant.parse("2024-01-01T00:00:00Z")
                .plusSeconds(random.nextInt(180 * 24 * 3600)).toString());
        String reference = referenceOfCaller.get(caller);
        int roll = random.nextInt(100);
        String purpose;
        if (reference != null && roll < 30) {
            purpose = "FOLLOW_UP";
            body.put("caseReference", reference);
        } else if (roll < 55) {
            purpose = "SURRENDER_REQUEST";
        } else if (roll < 80) {
            purpose = "INFORMATION";
        } else {
            purpose = "NON_DATA";
        }
        body.put("purpose", purpose);
        body.put("origin", random.nextInt(10) < 7 ? "RU" : "UA_OCCUPIED");
        body.put("caller", Map.of("identifier", caller, "role", "SERVICEMAN"));
        body.put("details", Map.of("notes", marker));
        return new Sent(marker, phase, HostileInputs.json(body), caller, purpose.equals("SURRENDER_REQUEST"));
    }

    private void attempt(Sent contact, long backoffMillis, CountDownLatch done) {
        contact.requests++;
        requests.incrementAndGet();
        RawHttp.Answer answer = RawHttp.send("POST", intakeUrl + "/api/v1/contacts", "application/json", contact.body,
                Map.of("Idempotency-Key", contact.marker.substring(MARKER_PREFIX.length())), Duration.ofSeconds(15));
        contact.lastStatus = answer.status();
        if (answer.status() >= 200 && answer.status() < 300) {
            contact.outcome = Outcome.ACCEPTED;
            if (contact.surrenderRequest) {
                rememberReference(contact.caller, answer.body());
            }
            done.countDown();
        } else if (answer.status() >= 400 && answer.status() < 500) {
            contact.outcome = Outcome.REFUSED;
            done.countDown();
        } else if (System.nanoTime() - contact.startedNanos > giveUpAfter.toNanos()) {
            contact.outcome = Outcome.UNANSWERED;
            done.countDown();
        } else {
            executor.schedule(() -> attempt(contact, Math.min(backoffMillis * 2, 4_000), done), backoffMillis,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void rememberReference(String caller, String body) {
        try {
            JsonNode created = JSON.readTree(body.getBytes(StandardCharsets.UTF_8));
            if (created.hasNonNull("caseReference")) {
                referenceOfCaller.putIfAbsent(caller, created.path("caseReference").asText());
            }
        } catch (java.io.IOException e) {
            // An accepted contact with an unreadable answer: the caller simply makes no follow-up.
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
