package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.events.Topics;
import org.hotline.history.Reconciliation;
import org.hotline.stack.ServiceProcess;
import org.hotline.system.RunningHotline.Hotline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Graceful stops and long outages, as operations meet them: a SIGTERM of each consumer while it
 * works through a backlog of thousands of events, PostgreSQL and then Kafka away under load for
 * longer than every time limit the services have (35 s in CI, 90 s in the full run), a message
 * Kafka refuses for good in the outbox, and a dead letter replayed. No service is restarted in the
 * outage scenarios. Each scenario reports sent / accepted / refused / unanswered / lost / counted
 * twice / dead-lettered, requires contacts accepted and every other figure 0, and requires the
 * three stores to agree
 * ({@link Reconciliation}). A part a scenario stops is brought back in {@code finally}, so that a
 * failed wait does not leave every later system test without it.
 *
 * <p>The short version runs in CI; {@code -Dfault.full=true} uses a larger backlog and longer
 * outages (see docs/RELIABILITY.md). The table is printed and written to
 * {@code target/stops-and-outages.md}.
 */
@ExtendWith(RunningHotline.class)
class StopsAndOutagesIT {

    private static final boolean FULL = Boolean.getBoolean("fault.full");
    private static final int BACKLOG = Integer.getInteger("fault.backlog", FULL ? 8_000 : 2_000);
    /**
     * Just longer than the longest time limit the services still have (the producer's 30 s delivery
     * timeout); {@link OutageLengthTest} keeps the two together.
     */
    static final Duration SHORT_OUTAGE = Duration.ofSeconds(35);
    private static final Duration OUTAGE = Duration.ofSeconds(
            Integer.getInteger("fault.outage.seconds", FULL ? 90 : (int) SHORT_OUTAGE.toSeconds()));
    private static final Duration INTERVAL = Duration.ofMillis(FULL ? 50 : 100);
    private static final Duration DRAIN = Duration.ofMinutes(FULL ? 10 : 4);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void gracefulStopOfEachConsumerUnderABacklogLosesNothing(Hotline hotline) throws Exception {
        long deadLettersBefore = ScenarioFigures.deadLetters(hotline);
        Hotline.sideBySide(hotline.cases()::stop, hotline.stats()::stop);
        try (SteadyLoad load = new SteadyLoad(hotline.intakeUrl(), Duration.ofMinutes(5))) {
            awaitAnswered(load.run("backlog", BACKLOG, Duration.ZERO), "backlog sent");
            long casesBefore = processedEvents(hotline, "cases");
            long statsBefore = processedEvents(hotline, "stats");
            // Each started, and stopped with SIGTERM while it is in the middle of its backlog.
            hotline.cases().restart();
            long casesAtStop = stopMidBacklog(hotline, hotline.cases(), "cases", casesBefore);
            hotline.stats().restart();
            long statsAtStop = stopMidBacklog(hotline, hotline.stats(), "stats", statsBefore);
            assertThat(casesAtStop).as("case-service stopped with backlog left").isLessThan(casesBefore + BACKLOG);
            assertThat(statsAtStop).as("stats-service stopped with backlog left").isLessThan(statsBefore + BACKLOG);
            Hotline.sideBySide(hotline.cases()::restart, hotline.stats()::restart);

            settleAndCheck(hotline, "SIGTERM of case- and stats-service, backlog " + BACKLOG, load, deadLettersBefore);
        } finally {
            // A failed wait above must not leave the next test without case- or stats-service.
            hotline.bringBackWhatIsDown();
        }
    }

    @Test
    void postgresDownLongerThanTheUnprocessedRecordLimitUnderLoad(Hotline hotline) throws Exception {
        long deadLettersBefore = ScenarioFigures.deadLetters(hotline);
        try (SteadyLoad load = new SteadyLoad(hotline.intakeUrl(), OUTAGE.plusMinutes(4))) {
            CountDownLatch done = load.run("postgres down", contactsOver(OUTAGE.plusSeconds(15)), INTERVAL);
            await("load under way").atMost(Duration.ofMinutes(1)).until(() -> load.requests() >= 20);
            Instant back = Instant.now().plus(OUTAGE);
            hotline.postgres().close();
            try {
                await("case-service reports it cannot make progress").atMost(OUTAGE)
                        .until(() -> !ready(hotline.caseUrl()));
                // The chat bot and the web form are told to come back, not that intake is broken.
                Contacts.post(hotline.intakeUrl(), Contacts.contact("SURRENDER_REQUEST", Contacts.freshPhoneNumber(),
                        "2025-05-02T10:00:00Z")).then().statusCode(503).header("Retry-After", "5")
                        .contentType(startsWith("application/problem+json"));
                await("PostgreSQL away for " + OUTAGE.toSeconds() + " s").atMost(OUTAGE.plusSeconds(5))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> !Instant.now().isBefore(back));
            } finally {
                hotline.postgres().restart();
            }
            await("case-service ready again by itself").atMost(Duration.ofMinutes(2))
                    .until(() -> ready(hotline.caseUrl()));
            await("stats-service ready again by itself").atMost(Duration.ofMinutes(2))
                    .until(() -> ready(hotline.statsUrl()));
            awaitAnswered(done, "load during the PostgreSQL outage");

            settleAndCheck(hotline, "PostgreSQL down " + OUTAGE.toSeconds() + " s under load", load, deadLettersBefore);
        }
    }

    @Test
    void kafkaDownAsLongUnderLoadIntakeKeepsAcceptingAndTheOutboxDrains(Hotline hotline) throws Exception {
        long deadLettersBefore = ScenarioFigures.deadLetters(hotline);
        try (SteadyLoad load = new SteadyLoad(hotline.intakeUrl(), OUTAGE.plusMinutes(4))) {
            CountDownLatch done = load.run("kafka down", contactsOver(OUTAGE.plusSeconds(15)), INTERVAL);
            await("load under way").atMost(Duration.ofMinutes(1)).until(() -> load.requests() >= 20);
            Instant back = Instant.now().plus(OUTAGE);
            hotline.kafka().close();
            try {
                long acceptedAtOutage = accepted(load);
                await("intake accepts contacts while Kafka is down").atMost(OUTAGE)
                        .until(() -> accepted(load) >= acceptedAtOutage + 20);
                await("Kafka away for " + OUTAGE.toSeconds() + " s").atMost(OUTAGE.plusSeconds(5))
                        .pollInterval(Duration.ofSeconds(1)).until(() -> !Instant.now().isBefore(back));
                assertThat(outboxMessages(hotline)).as("contacts waiting in intake's outbox").isPositive();
            } finally {
                hotline.kafka().restart();
            }
            awaitAnswered(done, "load during the Kafka outage");
            await("intake's outbox drained").atMost(DRAIN).pollInterval(Duration.ofSeconds(1))
                    .until(() -> outboxMessages(hotline) == 0);

            settleAndCheck(hotline, "Kafka down " + OUTAGE.toSeconds() + " s under load", load, deadLettersBefore);
        }
    }

    @Test
    void aMessageKafkaRefusesIsParkedAndTheRestFlows(Hotline hotline) throws Exception {
        long deadLettersBefore = ScenarioFigures.deadLetters(hotline);
        long poison = insertOversizedOutboxMessage(hotline);
        try (SteadyLoad load = new SteadyLoad(hotline.intakeUrl(), Duration.ofMinutes(3))) {
            awaitAnswered(load.run("poison in the outbox", 50, INTERVAL), "load behind the poison");
            await("the refused message parked").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> parkedIds(hotline).contains(poison));
            await("the messages behind it sent").atMost(DRAIN).pollInterval(Duration.ofSeconds(1))
                    .until(() -> outboxMessages(hotline) == 0);
            RawHttp.Answer metrics = RawHttp.send("GET", hotline.intakeUrl() + "/q/metrics", null, null, Map.of());
            assertThat(metrics.body()).containsPattern("hotline_outbox_parked [1-9]");

            settleAndCheck(hotline, "oversized message in the outbox", load, deadLettersBefore);
        }
    }

    @Test
    void aReplayedDeadLetterIsCountedOnce(Hotline hotline) throws Exception {
        long deadLettersBefore = ScenarioFigures.deadLetters(hotline);
        try (SteadyLoad load = new SteadyLoad(hotline.intakeUrl(), Duration.ofMinutes(3))) {
            awaitAnswered(load.run("dead letter replayed", 20, INTERVAL), "contacts to replay");
            awaitAgreement(hotline);
            // A contact both consumers applied, dead-lettered as a consumer would have done it.
            ConsumerRecord<String, String> applied = Topic.readAll(hotline.kafka().bootstrapServers(), Topics.CONTACTS)
                    .get(0);
            String reason = "replay test " + UUID.randomUUID();
            for (String deadLetterTopic : List.of(Topics.CASE_SERVICE_DEAD_LETTERS, Topics.STATS_SERVICE_DEAD_LETTERS)) {
                ConsumerRecord<String, String> letter = new ConsumerRecord<>(deadLetterTopic, 0, 0, applied.key(),
                        applied.value());
                letter.headers().add("dead-letter-topic", Topics.CONTACTS.getBytes(StandardCharsets.UTF_8));
                letter.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
                Topic.write(hotline.kafka().bootstrapServers(), letter);
            }
            StoreSnapshot before = StoreSnapshot.settled(hotline);

            for (String service : List.of(hotline.caseUrl(), hotline.statsUrl())) {
                String id = deadLetterId(service, reason);
                for (int replay = 0; replay < 2; replay++) {
                    RawHttp.Answer answer = RawHttp.send("POST", service + "/api/v1/admin/dead-letters/replay",
                            "application/json", ("{\"ids\":[\"" + id + "\"]}").getBytes(StandardCharsets.UTF_8), Map.of());
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                    assertThat(JSON.readTree(answer.body()).get(0).path("applied").asBoolean()).as(answer.body()).isTrue();
                }
            }
            assertThat(StoreSnapshot.settled(hotline)).as("stores after replaying an applied event twice").isEqualTo(before);

            // The two dead letters this test wrote itself are not the consumers'.
            settleAndCheck(hotline, "dead letter replayed (twice)", load, deadLettersBefore + 2);
        }
    }


    private static long stopMidBacklog(Hotline hotline, ServiceProcess service, String database, long before) {
        await(service.name() + " under way through its backlog").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> processedEvents(hotline, database) >= before + 100);
        long atStop = processedEvents(hotline, database);
        service.stop();
        return atStop;
    }

    private static void settleAndCheck(Hotline hotline, String scenario, SteadyLoad load, long deadLettersBefore)
            throws SQLException, IOException {
        Reconciliation.Report report = awaitAgreement(hotline);
        ScenarioFigures figures = ScenarioFigures.of(scenario, hotline, load.sent(), deadLettersBefore);
        String lines = figures.row();
        System.out.print(ScenarioFigures.header() + lines + String.format("Reconciliation: %d contacts, %d surrender"
                + " callers, %d drifts%n", report.contacts(), report.surrenderCallers(), report.drifts().size()));
        Path table = Path.of("target/stops-and-outages.md");
        if (!Files.exists(table)) {
            Files.writeString(table, ScenarioFigures.header());
        }
        Files.writeString(table, lines, StandardOpenOption.APPEND);
        figures.assertClean();
        assertThat(report.drifts()).as("drift between intake, case and stats stores").isEmpty();
    }

    private static Reconciliation.Report awaitAgreement(Hotline hotline) {
        return ScenarioFigures.awaitAgreement(hotline, DRAIN);
    }

    private static void awaitAnswered(CountDownLatch done, String what) throws InterruptedException {
        assertThat(done.await(10, TimeUnit.MINUTES)).as("every contact answered or given up: %s", what).isTrue();
    }

    private static int contactsOver(Duration duration) {
        return (int) (duration.toMillis() / INTERVAL.toMillis());
    }

    private static long accepted(SteadyLoad load) {
        return load.sent().stream().filter(s -> s.outcome == SteadyLoad.Outcome.ACCEPTED).count();
    }

    private static boolean ready(String baseUrl) {
        return RawHttp.send("GET", baseUrl + "/q/health/ready", null, null, Map.of(), Duration.ofSeconds(5))
                .status() == 200;
    }

    private static long processedEvents(Hotline hotline, String database) {
        return count(hotline, database, "select count(*) from processed_event");
    }

    private static long outboxMessages(Hotline hotline) {
        return count(hotline, "intake", "select count(*) from outbox_message");
    }

    private static long count(Hotline hotline, String database, String sql) {
        try (Connection connection = hotline.postgres().connect(database);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Larger than the producer's max.request.size (1 MiB): Kafka refuses it every time. */
    private static long insertOversizedOutboxMessage(Hotline hotline) throws SQLException {
        try (Connection connection = hotline.postgres().connect("intake");
             PreparedStatement insert = connection.prepareStatement("""
                     insert into outbox_message (topic, message_key, event_type, payload, created_at)
                     values (?, ?, 'ContactRecorded.v1', ?, now()) returning id""")) {
            insert.setString(1, Topics.CONTACTS);
            insert.setString(2, "oversized-" + UUID.randomUUID());
            insert.setString(3, "x".repeat(2 * 1024 * 1024));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Long> parkedIds(Hotline hotline) throws IOException {
        RawHttp.Answer answer = RawHttp.send("GET", hotline.intakeUrl() + "/api/v1/admin/outbox/parked", null, null,
                Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        JSON.readTree(answer.body()).forEach(parked -> ids.add(parked.path("id").asLong()));
        return ids;
    }

    private static String deadLetterId(String service, String reason) throws IOException {
        RawHttp.Answer answer = RawHttp.send("GET", service + "/api/v1/admin/dead-letters", null, null, Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        for (JsonNode letter : JSON.readTree(answer.body())) {
            if (reason.equals(letter.path("reason").asText())) {
                return letter.path("id").asText();
            }
        }
        throw new AssertionError("no dead letter with reason " + reason + " listed by " + service + ": " + answer.body());
    }
}
