package org.hotline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventJsonTest {

    private final ContactRecorded contact = new ContactRecorded(UUID.randomUUID(), UUID.randomUUID(),
            "k3y", CallerRole.SERVICEMAN, Channel.PHONE, Purpose.SURRENDER_REQUEST, Origin.RU,
            Instant.parse("2023-02-28T22:30:00Z"), "K7M2-Q9TX");

    @Test
    void contactEventSurvivesARoundTripWithItsVersionedTypeName() {
        String json = EventJson.write(contact);

        assertThat(json).contains("\"type\":\"ContactRecorded.v1\"");
        assertThat(EventJson.read(json)).isEqualTo(contact);
    }

    @Test
    void everyCaseEventSurvivesARoundTrip() {
        UUID caseId = UUID.randomUUID();
        Instant at = Instant.parse("2023-03-01T10:00:00Z");
        CaseEvent[] events = {
                new CaseOpened(UUID.randomUUID(), caseId, "K7M2-Q9TX", 1, at, "k3y", Origin.RU, CaseState.REQUESTED, null),
                new CaseTransitioned(UUID.randomUUID(), caseId, "K7M2-Q9TX", 2, at, CaseState.REQUESTED,
                        CaseState.IN_CUSTODY, CustodyMode.SURRENDERED, Origin.RU),
                new CaseContactLinked(UUID.randomUUID(), caseId, "K7M2-Q9TX", 3, at, UUID.randomUUID(),
                        Purpose.FOLLOW_UP, 2),
                new CaseAssigned(UUID.randomUUID(), caseId, "K7M2-Q9TX", 4, at, "officer-7", "north",
                        List.of(UUID.randomUUID(), UUID.randomUUID())),
                new CaseAssigned(UUID.randomUUID(), caseId, "K7M2-Q9TX", 5, at, null, "south", List.of()) };

        for (CaseEvent event : events) {
            assertThat(EventJson.read(EventJson.write(event))).isEqualTo(event);
            assertThat(event.partitionKey()).isEqualTo(caseId.toString());
            assertThat(event.topic()).isEqualTo(Topics.CASES);
        }
    }

    @Test
    void anAssignmentNamesItsTypeAndItsContactsEvenWhenItHasNone() {
        String json = EventJson.write(new CaseAssigned(UUID.randomUUID(), UUID.randomUUID(), "K7M2-Q9TX", 2,
                Instant.parse("2023-03-01T10:00:00Z"), "officer-7", null, null));

        assertThat(json).contains("\"type\":\"CaseAssigned.v1\"").contains("\"contactIds\":[]")
                .doesNotContain("team");
    }

    @Test
    void readerIgnoresFieldsItDoesNotKnow() {
        String newer = EventJson.write(contact).replace("{", "{\"addedLater\":{\"x\":1},");

        assertThat(EventJson.read(newer)).isEqualTo(contact);
    }

    @Test
    void unknownTypeAndBrokenJsonAreUnreadable() {
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"Nope.v9\"}")).isInstanceOf(EventJson.UnreadableEvent.class);
        assertThatThrownBy(() -> EventJson.read("{\"type\":")).isInstanceOf(EventJson.UnreadableEvent.class);
        assertThatThrownBy(() -> EventJson.read("42")).isInstanceOf(EventJson.UnreadableEvent.class);
    }

    @Test
    void contactsAreKeyedByCallerSoOneCallersContactsStayInOrder() {
        assertThat(contact.partitionKey()).isEqualTo("k3y");
        assertThat(contact.topic()).isEqualTo(Topics.CONTACTS);
        assertThat(contact.typeName()).isEqualTo(ContactRecorded.TYPE);
    }
}
