package org.hotline.intake.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.intake.Contacts;
import org.hotline.intake.ContactsTopic;
import org.hotline.intake.FakeCaseService;
import org.hotline.problem.Roles;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The first half of a contact's one trace: the request that records it, the SQL of its
 * transaction and the Kafka send of its event (by the outbox relay, later and on another thread)
 * share one trace id, and the record's {@code traceparent} header hands it on to the consumers.
 * case-service's ContactTraceTest takes it from there.
 */
@QuarkusTest
@TestProfile(ContactTraceTest.Traced.class)
@TestSecurity(user = "operator-3", roles = Roles.OPERATOR)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(FakeCaseService.class)
class ContactTraceTest {

    /** Tracing on, spans kept in memory for the test to read. */
    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(InMemorySpans.class);
        }
    }

    @Alternative
    @ApplicationScoped
    public static class InMemorySpans {
        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theContactEventCarriesTheTraceOfTheRequestThatRecordedIt() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpanId = HexFormat.of().formatHex(randomBytes(8));

        UUID id = UUID.fromString(given().header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .contentType(ContentType.JSON).body(Contacts.surrenderRequest(Contacts.freshPhoneNumber()))
                .when().post("/api/v1/contacts").then().statusCode(201).extract().path("id"));
        ConsumerRecord<String, String> record = ContactsTopic.recordFor(id);

        String[] traceparent = header(record, "traceparent").split("-");
        assertThat(traceparent[1]).isEqualTo(traceId);
        List<SpanData> trace = await().atMost(Duration.ofSeconds(30)).until(() -> spansOf(traceId),
                found -> found.stream().anyMatch(span -> span.getKind() == SpanKind.PRODUCER));
        assertThat(trace).filteredOn(span -> span.getKind() == SpanKind.SERVER)
                .singleElement().satisfies(request -> assertThat(request.getParentSpanId()).isEqualTo(callerSpanId));
        assertThat(trace).as("the SQL of the contact's transaction").anySatisfy(ContactTraceTest::isSql);
        assertThat(trace).filteredOn(span -> span.getKind() == SpanKind.PRODUCER).singleElement()
                .satisfies(send -> assertThat(send.getSpanId()).as("the header names the send as parent")
                        .isEqualTo(traceparent[2]));
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static void isSql(SpanData span) {
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getAttributes().asMap().keySet()).anySatisfy(key -> assertThat(key.getKey()).startsWith("db."));
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
