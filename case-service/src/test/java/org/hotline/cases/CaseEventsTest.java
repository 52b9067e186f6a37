package org.hotline.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cases.CaseApi.awaitCase;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.send;
import static org.hotline.cases.Contacts.surrenderRequest;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.cases.rest.CaseView;
import org.hotline.events.CaseContactLinked;
import org.hotline.events.CaseEvent;
import org.hotline.events.CaseOpened;
import org.hotline.events.CaseState;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.events.Topics;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class CaseEventsTest {

    @Test
    void openingAndJoiningPublishCaseEventsKeyedByCaseIdWithGrowingVersion() {
        String callerKey = newCallerKey();
        String reference = newReference();
        ContactRecorded request = send(surrenderRequest(callerKey, reference));
        ContactRecorded again = send(surrenderRequest(callerKey, newReference()));
        CaseView joined = awaitCase(reference, c -> c.contactCount() == 2);
        String caseId = joined.id().toString();

        List<ConsumerRecord<String, String>> records = TopicReader.awaitRecords(Topics.CASES,
                r -> caseId.equals(r.key()), 2);

        List<CaseEvent> events = records.stream()
                .map(r -> (CaseEvent) EventJson.read(r.value()))
                .sorted(Comparator.comparingLong(CaseEvent::caseVersion))
                .toList();
        assertThat(events).usingRecursiveFieldByFieldElementComparatorIgnoringFields("eventId").containsExactly(
                new CaseOpened(null, joined.id(), reference, 1, request.occurredAt(), callerKey, Origin.RU,
                        CaseState.REQUESTED, null),
                new CaseContactLinked(null, joined.id(), reference, 2, again.occurredAt(), again.contactId(),
                        Purpose.SURRENDER_REQUEST, 2));
        assertThat(records).extracting(r -> new String(r.headers().lastHeader("type").value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder(CaseOpened.TYPE, CaseContactLinked.TYPE);
        // Keyed by case id, so one case's events are on one partition, in version order.
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
        assertThat(records).extracting(ConsumerRecord::offset).isSorted();
    }
}
