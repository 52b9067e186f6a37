package org.hotline.intake.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hotline.problem.Roles;
import org.hotline.intake.Contacts;
import org.hotline.intake.FakeCaseService;
import org.hotline.intake.IntakeDatabase;
import org.hotline.outbox.OutboxConfig;
import org.hotline.testing.MetricsScrape;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;

@QuarkusTest
// Reads contacts on no case, with a reason, as a supervisor may (need to know: a case officer alone
// reads only contacts of cases assigned to him; NeedToKnowTest shows that).
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(FakeCaseService.class)
// Every role, so that each flow these figures count can run; tokens themselves are AccessControlTest's.
@TestSecurity(user = "metrics-test", roles = { Roles.OPERATOR, Roles.CASE_OFFICER, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN })
class MetricsTest {

    private static final String ACCEPTED = "hotline_contacts_accepted_total";

    @Inject
    OutboxConfig outbox;

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

    /**
     * The test plays a second instance that took the relay over: the service's relay session is
     * ended (as PostgreSQL ends that of an instance that died) and the test holds the advisory
     * lock, so the contact's event stays in the outbox and ages there, as it would behind a stuck
     * relay. Once the test lets go, the service's relay takes the lock back and sends it.
     *
     * <p>Reads this relay's own figures only because each relay takes its gauges out of the
     * registry when it stops ({@code OutboxGauges}): the registry outlives the applications this
     * JVM started for the test classes before, and a gauge left there by one would be reported
     * in place of this one's (0 and 0, whatever waits).
     */
    @Test
    void anEventNotYetRelayedIsReportedWithItsAgeAndTheOutboxEmptiesOnceItIsSent() throws SQLException {
        // The earlier tests' events gone first: no batch is in flight when the relay's session ends,
        // so none is sent twice.
        await("the outbox empty").atMost(Duration.ofSeconds(30))
                .until(() -> IntakeDatabase.count("select count(*) from outbox_message") == 0);
        try (Connection otherInstance = DriverManager.getConnection(RealInfrastructure.postgres().jdbcUrl("intake"),
                RealInfrastructure.postgres().user(), "")) {
            await("the relay's lease taken from the service").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)).until(() -> takeRelayLease(otherInstance));

            Contacts.post(Contacts.surrenderRequest(Contacts.freshPhoneNumber())).statusCode(201);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                MetricsScrape scrape = scrape();
                assertThat(scrape.value("hotline_outbox_pending").orElseThrow()).as(outboxLines(scrape))
                        .isGreaterThanOrEqualTo(1.0);
                assertThat(scrape.value("hotline_outbox_oldest_age_seconds").orElseThrow()).as(outboxLines(scrape))
                        .isGreaterThanOrEqualTo(1.0);
            });
        }
        // The test's session has ended and its lock with it: the service's relay leads again.

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MetricsScrape scrape = scrape();
            assertThat(scrape.value("hotline_outbox_pending")).as(outboxLines(scrape)).contains(0.0);
            assertThat(scrape.value("hotline_outbox_oldest_age_seconds")).as(outboxLines(scrape)).contains(0.0);
        });
    }

    /** Takes the relay's advisory lock, ending the session that holds it if another does. */
    private boolean takeRelayLease(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, outbox.relayLockId());
            try (ResultSet taken = lock.executeQuery()) {
                if (taken.next() && taken.getBoolean(1)) {
                    return true;
                }
            }
        }
        // A bigint advisory key shows as classid (high half) and objid (low half), in its own database.
        try (PreparedStatement end = connection.prepareStatement("select pg_terminate_backend(pid) from pg_locks"
                + " where locktype = 'advisory' and granted and pid <> pg_backend_pid() and objsubid = 1"
                + " and classid::bigint = ? and objid::bigint = ?"
                + " and database = (select oid from pg_database where datname = current_database())")) {
            end.setLong(1, outbox.relayLockId() >>> 32);
            end.setLong(2, outbox.relayLockId() & 0xFFFFFFFFL);
            end.executeQuery().close();
        }
        return false;
    }

    /** The outbox's lines of the scrape, so that a failure shows what was there instead. */
    private static String outboxLines(MetricsScrape scrape) {
        return scrape.text().lines().filter(line -> line.contains("outbox")).collect(Collectors.joining("\n"));
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
