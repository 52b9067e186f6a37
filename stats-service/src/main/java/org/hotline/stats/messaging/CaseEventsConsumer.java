package org.hotline.stats.messaging;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.events.CaseEvent;
import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;
import org.hotline.stats.service.CaseBoard;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Feeds case events to the case board; unreadable records go to the dead-letter topic. */
@ApplicationScoped
public class CaseEventsConsumer {

    private final CaseBoard board;

    public CaseEventsConsumer(CaseBoard board) {
        this.board = board;
    }

    /**
     * A passing database failure is retried before the record is given up to the dead-letter
     * topic; a record that can never be applied goes there at once.
     */
    @Incoming("cases-in")
    @Blocking
    @Retry(maxRetries = 5, delay = 500, abortOn = {EventJson.UnreadableEvent.class, IllegalArgumentException.class})
    public void consume(String payload) {
        HotlineEvent event = EventJson.read(payload);
        if (!(event instanceof CaseEvent caseEvent)) {
            throw new IllegalArgumentException("not a case event: " + event.typeName());
        }
        board.apply(caseEvent);
    }
}
