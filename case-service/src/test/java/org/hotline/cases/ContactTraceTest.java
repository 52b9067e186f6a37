package org.hotline.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cases.CaseApi.awaitCase;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.sendTraced;
import static org.hotline.cases.Contacts.surrenderRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.cases.rest.CaseView;
import org.hotline.events.Topics;
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
import jakarta.inject.Inject;

/**
 * The second half of a contact's one trace: a contact event that arrives with intake's
 * {@code traceparent} header (as intake's ContactTraceTest shows it leaves) is consumed, written
 * and answered with a CaseOpened event all in that same trace, so stats-service continues it too.
 */
@QuarkusTest
@TestProfile(OwnSettingsProfile.class)
@TestSecurity(user = Officers.OFFICER, roles = Roles.CASE_OFFICER)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class ContactTraceTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aContactConsumedWithIntakesTraceOpensItsCaseInThatTrace() {
        String traceId = Traces.newTraceId();
        String intakeSendSpanId = Traces.newSpanId();
        String reference = newReference();

        sendTraced(surrenderRequest(newCallerKey(), reference), Traces.traceparent(traceId, intakeSendSpanId));
        CaseView opened = awaitCase(reference, c -> true);

        List<SpanData> trace = Traces.awaitTrace(spans, traceId, Traces.hasKind(SpanKind.PRODUCER));
        assertThat(trace).filteredOn(span -> span.getKind() == SpanKind.CONSUMER).singleElement()
                .satisfies(consumed -> assertThat(consumed.getParentSpanId()).isEqualTo(intakeSendSpanId));
        assertThat(trace).as("the SQL that opened the case").anyMatch(Traces::isSql);
        ConsumerRecord<String, String> caseOpened = TopicReader.awaitRecords(Topics.CASES,
                r -> opened.id().toString().equals(r.key()), 1).get(0);
        assertThat(new String(caseOpened.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .as("the case event hands the trace on to stats-service").startsWith("00-" + traceId + "-");
    }
}
