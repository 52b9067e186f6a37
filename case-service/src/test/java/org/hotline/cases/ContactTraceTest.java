package org.hotline.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.cases.CaseApi.awaitCase;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.sendTraced;
import static org.hotline.cases.Contacts.surrenderRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.cases.rest.CaseView;
import org.hotline.events.Topics;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The second half of a contact's one trace: a contact event that arrives with intake's
 * {@code traceparent} header (as intake's ContactTraceTest shows it leaves) is consumed, written
 * and answered with a CaseOpened event all in that same trace, so stats-service continues it too.
 */
@QuarkusTest
@TestProfile(ContactTraceTest.Traced.class)
@TestSecurity(user = Officers.OFFICER, roles = Roles.CASE_OFFICER)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
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
    void aContactConsumedWithIntakesTraceOpensItsCaseInThatTrace() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String intakeSpanId = HexFormat.of().formatHex(randomBytes(8));
        String reference = newReference();

        sendTraced(surrenderRequest(newCallerKey(), reference), "00-" + traceId + "-" + intakeSpanId + "-01");
        CaseView opened = awaitCase(reference, c -> true);

        List<SpanData> trace = await().atMost(Duration.ofSeconds(30)).until(() -> spansOf(traceId),
                found -> found.stream().anyMatch(span -> span.getKind() == SpanKind.PRODUCER));
        assertThat(trace).filteredOn(span -> span.getKind() == SpanKind.CONSUMER).singleElement()
                .satisfies(consumed -> assertThat(consumed.getParentSpanId()).isEqualTo(intakeSpanId));
        assertThat(trace).as("the SQL that opened the case").anySatisfy(ContactTraceTest::isSql);
        ConsumerRecord<String, String> caseOpened = TopicReader.awaitRecords(Topics.CASES,
                r -> opened.id().toString().equals(r.key()), 1).get(0);
        assertThat(header(caseOpened, "traceparent")).as("the case event hands the trace on to stats-service")
                .startsWith("00-" + traceId + "-");
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static void isSql(SpanData span) {
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getAttributes().asMap().keySet()).anySatisfy(key -> assertThat(key.getKey()).startsWith("db."));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
