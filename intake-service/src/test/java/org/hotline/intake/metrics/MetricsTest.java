package org.hotline.intake.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.hotline.problem.Roles;
import org.hotline.intake.Contacts;
import org.hotline.intake.FakeCaseService;
import org.hotline.testing.MetricsScrape;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
// Reads contacts on no case, with a reason, as a supervisor may (need to know: a case officer alone
// reads only contacts of cases assigned to him; NeedToKnowTest shows that).
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(FakeCaseService.class)
// Every role, so that each flow these figures count can run; tokens themselves are AccessControlTest's.
@TestSecurity(user = "metrics-test", roles = { Roles.OPERATOR, Roles.CASE_OFFICER, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN })
class MetricsTest {

    private static final String ACCEPTED = "hotline_contacts_accepted_total";

    @Test
    void everyChannelAndPurposeIsCountedFromZeroBeforeAnyContact() {
        MetricsScrape scrape = scrape();

        assertThat(scrape.value(ACCEPTED, "channel", "WEB_FORM", "purpose", "NON_DATA")).isPresent();
        assertThat(scrape.value(ACCEPTED, "channel", "CHAT_BOT", "purpose", "RELATIVE_INQUIRY")).isPresent();
    }

    @Test
    void anAcceptedContactCountsUnderItsChannelAndPurpose() {
        double before = accepted("PHONE", "SURRENDER_REQUEST");

        Contacts.post(Contacts.surrenderRequest(Contacts.freshPhoneNumber())).statusCode(201);

        assertThat(accepted("PHONE", "SURRENDER_REQUEST")).isEqualTo(before + 1);
    }

    @Test
    void aRefusedContactIsNotCounted() {
        double before = accepted("PHONE", "SURRENDER_REQUEST");

        Contacts.post("{\"channel\": \"PHONE\", \"purpose\": \"SURRENDER_REQUEST\"}").statusCode(400);

        assertThat(accepted("PHONE", "SURRENDER_REQUEST")).isEqualTo(before);
    }

    @Test
    void aReadOfPersonalDataIsCounted() {
        String id = Contacts.post(Contacts.surrenderRequest(Contacts.freshPhoneNumber())).statusCode(201)
                .extract().path("id");
        double before = personalDataReads();

        Contacts.read(UUID.fromString(id), "metrics test").statusCode(200);

        assertThat(personalDataReads()).isEqualTo(before + 1);
    }

    @Test
    void theOutboxEmptiesAfterAContactAndReportsItsAge() {
        Contacts.post(Contacts.surrenderRequest(Contacts.freshPhoneNumber())).statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MetricsScrape scrape = scrape();
            // The outbox's lines of the scrape, so that a failure shows what was there instead.
            String outboxLines = scrape.text().lines().filter(line -> line.contains("outbox"))
                    .collect(java.util.stream.Collectors.joining("\n"));
            assertThat(scrape.value("hotline_outbox_pending")).as(outboxLines).contains(0.0);
            assertThat(scrape.value("hotline_outbox_oldest_age_seconds")).as(outboxLines).contains(0.0);
        });
    }

    @Test
    void httpJvmAndKafkaProducerMetricsAreExported() {
        Contacts.post(Contacts.surrenderRequest(Contacts.freshPhoneNumber())).statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MetricsScrape scrape = scrape();
            assertThat(scrape.value("http_server_requests_seconds_count", "uri", "/api/v1/contacts", "status", "201"))
                    .hasValueSatisfying(count -> assertThat(count).isPositive());
            assertThat(scrape.value("jvm_memory_used_bytes")).isPresent();
            // One series per producer: the outbox's, and the case consumer's dead-letter producer (idle).
            assertThat(scrape.values("kafka_producer_record_send_total")).anySatisfy(sent -> assertThat(sent).isPositive());
        });
    }

    private static double accepted(String channel, String purpose) {
        return scrape().value(ACCEPTED, "channel", channel, "purpose", purpose).orElseThrow();
    }

    private static double personalDataReads() {
        return scrape().value("hotline_personal_data_reads_total", "result", "success").orElse(0.0);
    }

    static MetricsScrape scrape() {
        return MetricsScrape.of(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
