package org.hotline.intake.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.intake.OwnSettingsProfile;
import org.hotline.intake.Contacts;
import org.hotline.intake.ContactsTopic;
import org.hotline.intake.FakeCaseService;
import org.hotline.problem.Roles;
import org.hotline.testing.RealInfrastructure;
import org.hotline.testing.Traces;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * The first half of a contact's one trace: the request that records it, the SQL of its
 * transaction and the Kafka send of its event (by the outbox relay, later and on another thread)
 * share one trace id, and the record's {@code traceparent} header hands it on to the consumers.
 * case-service's ContactTraceTest takes it from there.
 */
@QuarkusTest
@TestProfile(OwnSettingsProfile.class)
@TestSecurity(user = "operator-3", roles = Roles.OPERATOR)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(FakeCaseService.class)
class ContactTraceTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theContactEventCarriesTheTraceOfTheRequestThatRecordedIt() {
        String traceId = Traces.newTraceId();
        String callerSpanId = Traces.newSpanId();

        UUID id = UUID.fromString(given().header("traceparent", Traces.traceparent(traceId, callerSpanId))
                .contentType(ContentType.JSON).body(Contacts.surrenderRequest(Contacts.freshPhoneNumber()))
                .when().post("/api/v1/contacts").then().statusCode(201).extract().path("id"));
        ConsumerRecord<String, String> record = ContactsTopic.recordFor(id);

        String[] traceparent = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)
                .split("-");
        assertThat(traceparent[1]).as("the record's trace").isEqualTo(traceId);
        // Both ends awaited: the relay is woken at the commit, so its Kafka send can end (and be
        // exported) before the request's own span, which ends only once the answer is written.
        List<SpanData> trace = Traces.awaitTrace(spans, traceId,
                Traces.hasKind(SpanKind.PRODUCER).and(Traces.hasKind(SpanKind.SERVER)));
        assertThat(trace).filteredOn(span -> span.getKind() == SpanKind.SERVER).singleElement()
                .satisfies(request -> assertThat(request.getParentSpanId()).isEqualTo(callerSpanId));
        assertThat(trace).as("the SQL of the contact's transaction").anyMatch(Traces::isSql);
        assertThat(trace).filteredOn(span -> span.getKind() == SpanKind.PRODUCER).singleElement()
                .satisfies(send -> assertThat(send.getSpanId()).as("the header names the Kafka send as parent")
                        .isEqualTo(traceparent[2]));
        assertThat(spans.getFinishedSpanItems()).as("the relay's polling, caused by no request, is not traced")
                .noneMatch(span -> Traces.isSql(span) && !span.getParentSpanContext().isValid());
    }
}
