package org.hotline.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.events.CallerRole;
import org.hotline.events.Channel;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.intake.Contacts;
import org.hotline.intake.FakeCaseService;
import org.hotline.intake.ContactsTopic;
import org.hotline.intake.IntakeDatabase;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** What leaves intake: one {@link ContactRecorded} per contact, keyed by caller key, with no personal data. */
@QuarkusTest
// Reads contacts on no case, with a reason, as a supervisor may (need to know: a case officer alone
// reads only contacts of cases assigned to him; NeedToKnowTest shows that).
@TestSecurity(user = "operator-3", roles = { Roles.OPERATOR, Roles.CASE_OFFICER, Roles.SUPERVISOR })
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(FakeCaseService.class)
class ContactRecordedEventTest {

    @Test
    void aRecordedContactIsPublishedKeyedByCallerKeyWithoutPersonalData() {
        String phoneNumber = Contacts.freshPhoneNumber();
        var created = Contacts.post("""
                {"channel": "PHONE", "receivedAt": "2022-11-05T18:00:00Z", "purpose": "SURRENDER_REQUEST",
                 "origin": "RU", "caller": {"identifier": "%s", "role": "SERVICEMAN"},
                 "details": {"fullName": "Sergei Orlov", "unit": "Unit 54321", "location": "Kreminna",
                             "notes": "Calls from a borrowed phone"}}
                """.formatted(phoneNumber)).statusCode(201).extract();
        UUID id = UUID.fromString(created.path("id"));
        String reference = created.path("caseReference");
        String callerKey = Contacts.read(id, "test: compare event").extract().path("callerKey");

        ConsumerRecord<String, String> record = ContactsTopic.recordFor(id);

        assertThat(record.key()).isEqualTo(callerKey);
        assertThat(EventJson.read(record.value())).usingRecursiveComparison().ignoringFields("eventId")
                .isEqualTo(new ContactRecorded(null, id, callerKey, CallerRole.SERVICEMAN, Channel.PHONE,
                        Purpose.SURRENDER_REQUEST, Origin.RU, Instant.parse("2022-11-05T18:00:00Z"), reference));
        HotlineEvent event = EventJson.read(record.value());
        assertThat(headersOf(record)).as("CloudEvents attributes in Kafka binary mode, beside the type header")
                .containsAllEntriesOf(Map.of("type", ContactRecorded.TYPE, "ce_specversion", "1.0",
                        "ce_id", event.eventId().toString(), "ce_source", "/hotline/intake-service",
                        "ce_type", ContactRecorded.TYPE, "ce_time", "2022-11-05T18:00:00Z",
                        "content-type", "application/json"));
        assertThat(record.value()).doesNotContain(phoneNumber, phoneNumber.substring(1), "Sergei", "Orlov",
                "54321", "Kreminna", "borrowed");
    }

    private static Map<String, String> headersOf(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    @Test
    void twoSpellingsOfOnePhoneNumberGiveTheSameKey() {
        String compact = Contacts.freshPhoneNumber();
        String spelled = "+7 (" + compact.substring(2, 5) + ") " + compact.substring(5, 8) + "-"
                + compact.substring(8, 10) + "-" + compact.substring(10);

        UUID first = UUID.fromString(Contacts.post(Contacts.surrenderRequest(compact)).statusCode(201)
                .extract().path("id"));
        UUID second = UUID.fromString(Contacts.post(Contacts.surrenderRequest(spelled)).statusCode(201)
                .extract().path("id"));

        assertThat(ContactsTopic.recordFor(second).key()).isEqualTo(ContactsTopic.recordFor(first).key());
    }

    @Test
    void theOutboxDrainsOnceEventsAreSent() {
        UUID id = UUID.fromString(Contacts.post(Contacts.surrenderRequest(Contacts.freshPhoneNumber()))
                .statusCode(201).extract().path("id"));

        ContactsTopic.recordFor(id);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                IntakeDatabase.count("select count(*) from outbox_message where payload like ?", "%" + id + "%"))
                .isZero());
    }
}
