package org.hotline.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cases.CaseApi.awaitCase;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.send;
import static org.hotline.cases.Contacts.surrenderRequest;

import static org.awaitility.Awaitility.await;
import static org.hotline.cases.Contacts.contact;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.cases.rest.CaseView;
import org.hotline.events.CallerRole;
import org.hotline.events.CareKind;
import org.hotline.events.CaseAssigned;
import org.hotline.events.CaseCareRecorded;
import org.hotline.events.CaseContactLinked;
import org.hotline.events.CaseInquiryLinked;
import org.hotline.events.CaseTransitioned;
import org.hotline.events.CustodyMode;
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

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = Officers.OFFICER, roles = Roles.CASE_OFFICER)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class CaseEventsTest {

    @Test
    void everyChangeOfACaseIsPublishedWithTheNextVersionAndItsEventTime() {
        Instant start = Contacts.now().minus(3, ChronoUnit.DAYS);
        String reference = newReference();
        ContactRecorded request = send(contact(newCallerKey(), CallerRole.SERVICEMAN, Purpose.SURRENDER_REQUEST,
                reference, start));
        ContactRecorded inquiry = send(contact(newCallerKey(), CallerRole.RELATIVE, Purpose.RELATIVE_INQUIRY, null,
                start.plus(1, ChronoUnit.HOURS)));
        CaseView opened = awaitCase(reference, c -> true);
        Officers.moved(reference, "to", "VERIFIED", "at", start.plus(2, ChronoUnit.HOURS).toString());
        Officers.moved(reference, "to", "IN_CUSTODY", "mode", "SURRENDERED", "at",
                start.plus(3, ChronoUnit.HOURS).toString());
        Officers.cared(reference, "kind", "FAMILY_CONTACT", "at", start.plus(4, ChronoUnit.HOURS).toString(), "note",
                "called his mother");
        Officers.assignToMe(reference);
        await().atMost(Duration.ofSeconds(30)).until(() -> Officers.officer()
                .post("/api/v1/cases/{reference}/inquiries/{id}", reference, inquiry.contactId())
                .statusCode() == 200);
        String caseId = opened.id().toString();

        List<CaseEvent> events = TopicReader.awaitRecords(Topics.CASES, r -> caseId.equals(r.key()), 6).stream()
                .map(r -> (CaseEvent) EventJson.read(r.value()))
                .toList();

        assertThat(events).extracting(CaseEvent::caseVersion).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(events.subList(0, 4)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("eventId")
                .containsExactly(
                        new CaseOpened(null, opened.id(), reference, 1, request.occurredAt(), request.callerKey(),
                                Origin.RU, CaseState.REQUESTED, null),
                        new CaseTransitioned(null, opened.id(), reference, 2, start.plus(2, ChronoUnit.HOURS),
                                CaseState.REQUESTED, CaseState.VERIFIED, null, Origin.RU),
                        new CaseTransitioned(null, opened.id(), reference, 3, start.plus(3, ChronoUnit.HOURS),
                                CaseState.VERIFIED, CaseState.IN_CUSTODY, CustodyMode.SURRENDERED, Origin.RU),
                        new CaseCareRecorded(null, opened.id(), reference, 4, start.plus(4, ChronoUnit.HOURS),
                                CareKind.FAMILY_CONTACT));
        assertThat(events.get(4)).usingRecursiveComparison().ignoringFields("eventId", "occurredAt").isEqualTo(
                new CaseAssigned(null, opened.id(), reference, 5, null, Officers.OFFICER, null,
                        List.of(request.contactId())));
        assertThat(events.get(5)).isInstanceOfSatisfying(CaseInquiryLinked.class,
                linked -> assertThat(linked.contactId()).isEqualTo(inquiry.contactId()));
        // The officer's note stays in case-service.
        assertThat(events).noneSatisfy(e -> assertThat(EventJson.write(e)).contains("mother"));
    }

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
        assertThat(records).allSatisfy(r -> assertThat(header(r, "ce_source")).isEqualTo("/hotline/case-service"));
        assertThat(records).extracting(r -> header(r, "ce_id"))
                .containsExactlyInAnyOrderElementsOf(events.stream().map(e -> e.eventId().toString()).toList());
        // Keyed by case id, so one case's events are on one partition, in version order.
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
        assertThat(records).extracting(ConsumerRecord::offset).isSorted();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
