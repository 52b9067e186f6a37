package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.hotline.events.Topics;
import org.hotline.history.Reconciliation;
import org.hotline.system.RunningHotline.Hotline;

/**
 * What one reliability scenario did to the contacts a client sent: how many were sent, accepted,
 * refused (4xx) and given up unanswered, how many accepted ones are missing from intake (lost), how
 * many are stored more than once (counted twice), and how many records reached the consumers'
 * dead-letter topics meanwhile. A scenario passes only if contacts were accepted and none was
 * refused or unanswered: a hotline that refused or dropped everything loses nothing either.
 */
record ScenarioFigures(String scenario, int sent, int accepted, int refused, int unanswered, int lost, int countedTwice,
        long deadLettered) {

    private static final List<String> DEAD_LETTER_TOPICS =
            List.of(Topics.CASE_SERVICE_DEAD_LETTERS, Topics.STATS_SERVICE_DEAD_LETTERS, Topics.INTAKE_SERVICE_DEAD_LETTERS);

    static ScenarioFigures of(String scenario, Hotline hotline, List<SteadyLoad.Sent> sent, long deadLettersBefore)
            throws SQLException {
        Map<String, Integer> stored = storedMarkers(hotline);
        int accepted = 0;
        int refused = 0;
        int unanswered = 0;
        int lost = 0;
        int twice = 0;
        for (SteadyLoad.Sent contact : sent) {
            int copies = stored.getOrDefault(contact.marker, 0);
            switch (contact.outcome) {
                case ACCEPTED -> {
                    accepted++;
                    if (copies == 0) {
                        lost++;
                    }
                }
                case REFUSED -> refused++;
                // Still pending when the figures are taken counts as unanswered: the client has no answer.
                case UNANSWERED, PENDING -> unanswered++;
            }
            if (copies > 1) {
                twice++;
            }
        }
        return new ScenarioFigures(scenario, sent.size(), accepted, refused, unanswered, lost, twice,
                deadLetters(hotline) - deadLettersBefore);
    }

    /**
     * Fails unless contacts were accepted and every other figure is 0: none refused, none
     * unanswered, none lost, none counted twice, no valid event dead-lettered.
     */
    void assertClean() {
        assertThat(accepted).as("contacts accepted: %s", scenario).isPositive();
        assertThat(Map.of("refused", refused, "unanswered", unanswered, "lost", lost,
                        "counted twice", countedTwice, "dead-lettered", deadLettered))
                .as("contacts refused, unanswered, missing, stored twice, and valid events dead-lettered: %s", scenario)
                .isEqualTo(Map.of("refused", 0, "unanswered", 0, "lost", 0, "counted twice", 0, "dead-lettered", 0L));
    }

    /**
     * Waits until intake, case-service and stats-service agree ({@link Reconciliation}) and returns
     * the agreeing report; fails with the last report's drifts after {@code patience}.
     */
    static Reconciliation.Report awaitAgreement(Hotline hotline, Duration patience) {
        Reconciliation reconciliation = new Reconciliation(new Reconciliation.Stores(
                hotline.postgres().jdbcUrl("intake"), hotline.postgres().jdbcUrl("cases"), hotline.postgres().user(),
                "", URI.create(hotline.statsUrl())));
        AtomicReference<Reconciliation.Report> report = new AtomicReference<>();
        try {
            await("stores agree").atMost(patience).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(() -> {
                        report.set(reconciliation.run());
                        return report.get().agrees();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the stores did not agree within " + patience + "; the last reconciliation: "
                    + report.get(), e);
        }
        return report.get();
    }

    /** Records on both consumers' dead-letter topics so far. */
    static long deadLetters(Hotline hotline) {
        try (Admin admin = hotline.kafka().admin()) {
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(DEAD_LETTER_TOPICS).allTopicNames().get()
                    .values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(p -> new TopicPartition(topic.name(), p.partition())))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(ends).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the dead-letter topics", e);
        }
    }

    static String header() {
        return String.format("| %-50s | %6s | %8s | %7s | %10s | %4s | %13s | %13s |%n|%s|%s|%s|%s|%s|%s|%s|%s|%n",
                "scenario", "sent", "accepted", "refused", "unanswered", "lost", "counted twice", "dead-lettered",
                "-".repeat(52), "-".repeat(8), "-".repeat(10), "-".repeat(9), "-".repeat(12), "-".repeat(6),
                "-".repeat(15), "-".repeat(15));
    }

    String row() {
        return String.format("| %-50s | %6d | %8d | %7d | %10d | %4d | %13d | %13d |%n", scenario, sent, accepted,
                refused, unanswered, lost, countedTwice, deadLettered);
    }

    /**
     * How often each load marker was stored. Notes are sealed in intake's database, so the contacts
     * of the load's time span are read back through the API (as a supervisor would, with a reason,
     * audited: they are on no case assigned to the suite's officer).
     */
    static Map<String, Integer> storedMarkers(Hotline hotline) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = hotline.postgres().connect("intake");
             PreparedStatement query = connection.prepareStatement("select id from contact"
                     + " where received_at >= '2024-01-01T00:00:00Z' and received_at < '2024-07-01T00:00:00Z'")) {
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        Map<String, Integer> stored = new HashMap<>();
        for (String id : ids) {
            String notes = io.restassured.RestAssured.given().baseUri(hotline.intakeUrl())
                    .header("X-Access-Reason", "load tally").get("/api/v1/contacts/{id}", id)
                    .then().statusCode(200).extract().path("details.notes");
            if (notes != null && notes.startsWith(SteadyLoad.MARKER_PREFIX)) {
                stored.merge(notes, 1, Integer::sum);
            }
        }
        return stored;
    }
}
