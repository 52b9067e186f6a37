package org.hotline.stats.messaging;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.events.ContactRecorded;
import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;
import org.hotline.stats.service.ContactTally;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feeds contact events to the tally. A record that cannot be read or applied fails here and goes
 * to the dead-letter topic, so one poison record does not stop the counts.
 */
@ApplicationScoped
public class ContactEventsConsumer {

    private final ContactTally tally;

    public ContactEventsConsumer(ContactTally tally) {
        this.tally = tally;
    }

    /**
     * A passing database failure is retried before the record is given up to the dead-letter
     * topic; a record that can never be applied goes there at once.
     */
    @Incoming("contacts-in")
    @Blocking
    @Retry(maxRetries = 5, delay = 500, abortOn = {EventJson.UnreadableEvent.class, IllegalArgumentException.class})
    public void consume(String payload) {
        HotlineEvent event = EventJson.read(payload);
        if (!(event instanceof ContactRecorded contact)) {
            throw new IllegalArgumentException("not a contact event: " + event.typeName());
        }
        tally.count(contact);
    }
}
