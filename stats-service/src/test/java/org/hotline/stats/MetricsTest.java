package org.hotline.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.stats.EventsOnKafka.contact;
import static org.hotline.stats.EventsOnKafka.newCallerKey;
import static org.hotline.stats.EventsOnKafka.publish;

import java.time.Duration;
import java.time.Instant;

import org.hotline.problem.Roles;
import org.hotline.testing.MetricsScrape;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
// Every role, so that each flow these figures count can run; tokens themselves are AccessControlTest's.
@TestSecurity(user = "metrics-test", roles = { Roles.OPERATOR, Roles.CASE_OFFICER, Roles.ANALYST, Roles.ADMIN })
class MetricsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(90);

    @Test
    void deadLettersOfBothChannelsAreExportedBeforeAnyPoisonRecord() {
        MetricsScrape scrape = scrape();

        assertThat(scrape.value("hotline_dead_letters_total", "channel", "contacts-in")).isPresent();
        assertThat(scrape.value("hotline_dead_letters_total", "channel", "cases-in")).isPresent();
    }

    @Test
    void aContactOnKafkaChangesTheFigures() {
        double before = changes();

        publish(contact(newCallerKey(), Instant.parse("2019-08-08T12:00:00Z")));

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(changes()).isGreaterThanOrEqualTo(before + 1));
    }

    @Test
    void httpJvmAndKafkaConsumerLagPerPartitionAreExported() {
        publish(contact(newCallerKey(), Instant.parse("2019-08-09T12:00:00Z")));
        given().get("/api/v1/stats/summary").then().statusCode(200);

        // Micrometer looks for new Kafka client metrics once a minute, and the per-partition lag
        // exists only once partitions are assigned: up to a minute after start.
        await().atMost(KAFKA_METRICS_REFRESH).untilAsserted(() -> {
            MetricsScrape scrape = scrape();
            assertThat(scrape.names()).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes");
            assertThat(scrape.value("kafka_consumer_fetch_manager_records_lag", "topic", "hotline.contacts.v1"))
                    .isPresent();
            assertThat(scrape.value("kafka_consumer_fetch_manager_records_lag", "topic", "hotline.cases.v1"))
                    .isPresent();
        });
    }

    private static double changes() {
        return scrape().value("hotline_stats_changes_total").orElseThrow(() -> new AssertionError("no changes"));
    }

    private static MetricsScrape scrape() {
        return MetricsScrape.of(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
