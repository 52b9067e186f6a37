package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.hotline.events.CaseReference;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.Purpose;
import org.junit.jupiter.api.Test;

class ContactEventsTest {

    private final List<ContactEvents.Event> events = Stream.generate(new ContactEvents("test", 7)::next).limit(20).toList();

    @Test
    void eachEventIsAContactRecordedKeyedByItsCallerKeyWithTheRelaysHeaders() {
        ContactEvents.Event event = events.get(0);
        ContactRecorded contact = (ContactRecorded) EventJson.read(event.json());

        assertThat(event.key()).isEqualTo(contact.callerKey()).matches("p-[0-9a-f]{32}");
        assertThat(event.headers()).containsEntry("type", ContactRecorded.TYPE)
                .containsEntry("ce_type", ContactRecorded.TYPE)
                .containsEntry("ce_id", contact.eventId().toString())
                .containsEntry("ce_source", ContactEvents.SOURCE)
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_specversion", "ce_time");
    }

    @Test
    void everyCallerIsNewAndOneInTenAsksToSurrenderWithAnIntakeReference() {
        assertThat(events).extracting(ContactEvents.Event::key).doesNotHaveDuplicates();
        List<ContactRecorded> surrenders = events.stream().map(e -> (ContactRecorded) EventJson.read(e.json()))
                .filter(c -> c.purpose() == Purpose.SURRENDER_REQUEST).toList();
        assertThat(surrenders).hasSize(2).allSatisfy(c -> {
            assertThat(CaseReference.isWellFormed(c.caseReference())).isTrue();
            assertThat(CaseReference.Issuer.INTAKE.issued(c.caseReference())).isTrue();
        });
        assertThat(events).filteredOn(ContactEvents.Event::surrender).hasSize(2);
    }

    @Test
    void runsOfDifferentNamesNeverShareACaller() {
        assertThat(new ContactEvents("other", 7).next().key()).isNotEqualTo(events.get(0).key());
    }
}
