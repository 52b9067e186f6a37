package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.hotline.events.Topics;
import org.hotline.system.RunningHotline.Hotline;

import io.restassured.specification.RequestSpecification;

/** Reads figures from stats-service's API, as the ops room does. */
final class Stats {

    /** stats-service's consumer group (its application.properties). */
    private static final String STATS_GROUP = "stats-service";

    private Stats() {
    }

    static int dayTotal(Hotline hotline, String metric, String day) {
        return dayTotal(given(), hotline, metric, day);
    }

    /** Read with what {@code request} already carries (a {@code traceparent}, say). */
    static int dayTotal(RequestSpecification request, Hotline hotline, String metric, String day) {
        return request.baseUri(hotline.statsUrl())
                .queryParam("metric", metric).queryParam("granularity", "day")
                .queryParam("from", day).queryParam("to", day)
                .get("/api/v1/stats/series")
                .then().statusCode(200)
                .extract().path("buckets[0].total");
    }

    /** The exact count of one day by origin, as the ops room reads it (origins with none are absent). */
    static Map<String, Integer> dayByOrigin(Hotline hotline, String metric, String day) {
        Map<String, Integer> groups = given().baseUri(hotline.statsUrl())
                .queryParam("metric", metric).queryParam("granularity", "day")
                .queryParam("from", day).queryParam("to", day).queryParam("groupBy", "origin")
                .get("/api/v1/stats/series")
                .then().statusCode(200)
                .extract().path("buckets[0].groups");
        return groups == null ? Map.of() : groups;
    }

    /**
     * Waits until stats-service has applied every contact intake has stored so far: intake's outbox
     * is empty (every event sent), then stats-service's consumer group has committed the end of
     * every partition of the contacts topic (it acknowledges a batch only once applied). Only then
     * does a figure that must stay 0 say something.
     */
    static void awaitEveryContactApplied(Hotline hotline) {
        await("intake's outbox sent").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> outboxMessages(hotline) == 0);
        try (Admin admin = hotline.kafka().admin()) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(Topics.CONTACTS)).allTopicNames().get()
                    .get(Topics.CONTACTS).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.CONTACTS, p.partition()),
                            p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, end) -> ends.put(partition, end.offset()));
            await("stats-service applied every contact sent").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed = admin
                                .listConsumerGroupOffsets(STATS_GROUP).partitionsToOffsetAndMetadata().get();
                        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                                || committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue());
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the contacts topic's offsets", e);
        }
    }

    private static long outboxMessages(Hotline hotline) throws SQLException {
        try (Connection connection = hotline.postgres().connect("intake");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from outbox_message")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int casesInState(Hotline hotline, String state) {
        Integer count = given().baseUri(hotline.statsUrl()).get("/api/v1/stats/summary")
                .then().statusCode(200)
                .extract().path("cases.byState." + state);
        return count == null ? 0 : count;
    }
}
