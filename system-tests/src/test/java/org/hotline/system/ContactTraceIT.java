package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.system.Contacts.contact;
import static org.hotline.system.Contacts.freshPhoneNumber;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline.system.RunningHotline.Hotline;
import org.hotline.system.TraceCollector.CollectedSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.restassured.http.ContentType;

/**
 * One trace across the three processes: a surrender request posted with a sampled
 * {@code traceparent} (as a traced operator console or gateway sends it) is followed by intake's
 * HTTP span, the outbox and Kafka into case-service (which consumes it, writes the case and
 * publishes CaseOpened) and stats-service (which counts both events), every span exported over
 * OTLP to the test's {@link TraceCollector} under the one trace id.
 */
@ExtendWith(RunningHotline.class)
class ContactTraceIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void aSurrenderRequestIsOneTraceFromIntakesRequestThroughCaseServiceToStatsService(Hotline hotline) {
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);

        String reference = given().baseUri(hotline.intakeUrl()).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .body(contact("SURRENDER_REQUEST", freshPhoneNumber(), "2025-03-11T10:00:00Z"))
                .post("/api/v1/contacts")
                .then().statusCode(201).extract().path("caseReference");
        await().atMost(DEADLINE).untilAsserted(() -> given().baseUri(hotline.caseUrl())
                .get("/api/v1/cases/{reference}", reference).then().statusCode(200));

        await().atMost(DEADLINE).untilAsserted(() -> {
            List<CollectedSpan> trace = hotline.traces().trace(traceId);
            assertThat(trace).as("intake's HTTP request, a child of the caller's span")
                    .anyMatch(span -> span.is("intake-service", SpanKind.SPAN_KIND_SERVER)
                            && span.parentSpanId().equals(callerSpanId));
            assertThat(trace).as("intake's SQL (the contact and its outbox row)")
                    .anyMatch(span -> span.service().equals("intake-service") && span.isSql());
            assertThat(trace).as("the relay's Kafka send, from the traceparent stored with the outbox row")
                    .anyMatch(span -> span.is("intake-service", SpanKind.SPAN_KIND_PRODUCER));
            assertThat(trace).as("case-service consuming the contact")
                    .anyMatch(span -> span.is("case-service", SpanKind.SPAN_KIND_CONSUMER));
            assertThat(trace).as("case-service's SQL (the case, its outbox row)")
                    .anyMatch(span -> span.service().equals("case-service") && span.isSql());
            assertThat(trace).as("case-service publishing CaseOpened")
                    .anyMatch(span -> span.is("case-service", SpanKind.SPAN_KIND_PRODUCER));
            assertThat(trace).as("stats-service consuming the contact and CaseOpened")
                    .filteredOn(span -> span.is("stats-service", SpanKind.SPAN_KIND_CONSUMER))
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(trace).as("stats-service's SQL (the counts)")
                    .anyMatch(span -> span.service().equals("stats-service") && span.isSql());
        });
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C calls invalid
        return HexFormat.of().formatHex(random);
    }
}
