package org.hotline.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.cases.CaseApi.awaitCase;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.send;
import static org.hotline.cases.Contacts.surrenderRequest;
import static org.hotline.cases.Officers.moved;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.hotline.problem.Roles;
import org.hotline.events.ContactRecorded;
import org.hotline.testing.MetricsScrape;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * The figures are whole-database counts and other test classes share the database, so each test
 * asserts that its own change raised a figure, never an exact total.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
// Every role, so that each flow these figures count can run; tokens themselves are AccessControlTest's.
@TestSecurity(user = "metrics-test", roles = { Roles.OPERATOR, Roles.CASE_OFFICER, Roles.ANALYST, Roles.ADMIN })
class MetricsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(90);

    @Test
    void deadLettersAndEveryStateAndDeadlineAreExportedBeforeAnythingHappens() {
        MetricsScrape scrape = scrape();

        assertThat(scrape.value("hotline_dead_letters_total", "channel", "contacts-in")).isPresent();
        assertThat(scrape.value("hotline_cases", "state", "LOST_CONTACT")).isPresent();
        assertThat(scrape.value("hotline_case_transitions_total", "to", "EXCHANGED")).isPresent();
        assertThat(scrape.value("hotline_custody_overdue", "deadline", "INFORMATION_BUREAU")).isPresent();
    }

    @Test
    void aSurrenderRequestOnKafkaRaisesTheRequestedCases() {
        double before = value("hotline_cases", "state", "REQUESTED");

        String reference = newReference();
        send(surrenderRequest(newCallerKey(), reference));
        awaitCase(reference, c -> true);

        awaitAtLeast(before + 1, "hotline_cases", "state", "REQUESTED");
    }

    @Test
    void anOfficersMoveCountsAsATransitionIntoTheNewState() {
        String reference = newReference();
        send(surrenderRequest(newCallerKey(), reference));
        awaitCase(reference, c -> true);
        double verifiedBefore = value("hotline_case_transitions_total", "to", "VERIFIED");

        moved(reference, "to", "VERIFIED");

        awaitAtLeast(verifiedBefore + 1, "hotline_case_transitions_total", "to", "VERIFIED");
    }

    @Test
    void custodyPastItsDeadlinesWithoutCareIsOverdueOnEachDeadline() {
        double captureCardBefore = value("hotline_custody_overdue", "deadline", "CAPTURE_CARD");
        double bureauBefore = value("hotline_custody_overdue", "deadline", "INFORMATION_BUREAU");

        Officers.capture("state", "IN_CUSTODY", "mode", "CAPTURED", "at",
                Contacts.now().minus(10, ChronoUnit.DAYS).toString());

        awaitAtLeast(captureCardBefore + 1, "hotline_custody_overdue", "deadline", "CAPTURE_CARD");
        awaitAtLeast(bureauBefore + 1, "hotline_custody_overdue", "deadline", "INFORMATION_BUREAU");
    }

    @Test
    void anOfficersRequestForPersonalDataIsCountedEvenWhenIntakeHasNone() {
        String reference = newReference();
        ContactRecorded request = send(surrenderRequest(newCallerKey(), reference));
        awaitCase(reference, c -> true);
        Officers.assign(reference, "metrics-test");
        double before = scrape().value("hotline_personal_data_reads_total", "result", "failure").orElse(0.0);

        PersonalDataTest.read(reference, request.contactId(), "metrics test").then().statusCode(404);

        assertThat(scrape().value("hotline_personal_data_reads_total", "result", "failure")).contains(before + 1);
    }

    @Test
    void httpJvmAndKafkaClientMetricsWithConsumerLagPerPartitionAreExported() {
        String reference = newReference();
        send(surrenderRequest(newCallerKey(), reference));
        awaitCase(reference, c -> true);

        // Micrometer looks for new Kafka client metrics once a minute, and the per-partition lag
        // exists only once partitions are assigned: up to a minute after start.
        await().atMost(KAFKA_METRICS_REFRESH).untilAsserted(() -> {
            MetricsScrape scrape = scrape();
            assertThat(scrape.names()).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes",
                    "kafka_producer_record_send_total");
            assertThat(scrape.value("kafka_consumer_fetch_manager_records_lag", "topic", "hotline.contacts.v1"))
                    .isPresent();
        });
    }

    private static void awaitAtLeast(double expected, String name, String... labels) {
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(value(name, labels)).isGreaterThanOrEqualTo(expected));
    }

    private static double value(String name, String... labels) {
        return scrape().value(name, labels).orElseThrow(() -> new AssertionError("no sample " + name));
    }

    private static MetricsScrape scrape() {
        return MetricsScrape.of(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
