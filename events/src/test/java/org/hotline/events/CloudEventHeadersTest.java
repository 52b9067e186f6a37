package org.hotline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

    @Test
    void aContactCarriesItsIdSourceTypeAndTimeAsBinaryModeHeaders() {
        UUID eventId = UUID.fromString("8d0e7a52-3f7c-4d7e-9a51-2b1c0f6e4a10");
        ContactRecorded contact = new ContactRecorded(eventId, UUID.randomUUID(), "k3y", CallerRole.SERVICEMAN,
                Channel.PHONE, Purpose.SURRENDER_REQUEST, Origin.RU, Instant.parse("2023-02-28T22:30:00.123Z"),
                "K7M2-Q9TX");

        assertThat(CloudEventHeaders.of(contact, "/hotline/intake-service")).containsExactly(
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", "8d0e7a52-3f7c-4d7e-9a51-2b1c0f6e4a10"),
                Map.entry("ce_source", "/hotline/intake-service"),
                Map.entry("ce_type", "ContactRecorded.v1"),
                Map.entry("ce_time", "2023-02-28T22:30:00.123Z"),
                Map.entry("content-type", "application/json"));
    }

    @Test
    void aCaseEventsTypeIsItsVersionedTypeName() {
        CaseOpened opened = new CaseOpened(UUID.randomUUID(), UUID.randomUUID(), "K7M2-Q9TX", 1,
                Instant.parse("2023-03-01T10:00:00Z"), "k3y", Origin.RU, CaseState.REQUESTED, null);

        assertThat(CloudEventHeaders.of(opened, "/hotline/case-service"))
                .containsEntry("ce_type", "CaseOpened.v1")
                .containsEntry("ce_id", opened.eventId().toString())
                .containsEntry("ce_time", "2023-03-01T10:00:00Z");
    }

    @Test
    void aStoredEventsJsonGivesTheSameHeadersAsTheEventItself() {
        ContactRecorded contact = new ContactRecorded(UUID.randomUUID(), UUID.randomUUID(), "k3y", CallerRole.RELATIVE,
                Channel.CHAT_BOT, Purpose.RELATIVE_INQUIRY, Origin.UA_OCCUPIED, Instant.parse("2022-11-05T08:00:00.5Z"),
                "K7M2-Q9TX");
        CaseOpened opened = new CaseOpened(UUID.randomUUID(), UUID.randomUUID(), "K7M2-Q9TX", 1,
                Instant.parse("2023-03-01T10:00:00Z"), "k3y", Origin.RU, CaseState.REQUESTED, null);

        for (HotlineEvent event : List.of(contact, opened)) {
            assertThat(CloudEventHeaders.of(EventJson.envelopeOf(EventJson.write(event)), "/hotline/x"))
                    .isEqualTo(CloudEventHeaders.of(event, "/hotline/x"));
        }
    }

    @Test
    void jsonWithoutAnIdOrTimeIsUnreadable() {
        assertThatThrownBy(() -> EventJson.envelopeOf("{\"type\":\"CaseOpened.v1\",\"occurredAt\":\"2023-03-01T10:00:00Z\"}"))
                .isInstanceOf(EventJson.UnreadableEvent.class);
        assertThatThrownBy(() -> EventJson.envelopeOf("{\"type\":\"CaseOpened.v1\",\"eventId\":\"not-a-uuid\"}"))
                .isInstanceOf(EventJson.UnreadableEvent.class);
        assertThatThrownBy(() -> EventJson.envelopeOf("[1, 2]")).isInstanceOf(EventJson.UnreadableEvent.class);
    }
}
