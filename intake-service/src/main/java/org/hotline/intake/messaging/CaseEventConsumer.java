package org.hotline.intake.messaging;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.events.CaseEvent;
import org.hotline.events.EventJson;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Topics;
import org.hotline.inbox.Consumed;
import org.hotline.inbox.Inbox;
import org.hotline.inbox.TopicApplier;
import org.hotline.intake.service.CaseClosures;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads {@code hotline.cases.v1} so that intake knows when a caller's cases are closed (retention),
 * a batch (one poll) at a time, applied in one transaction. A record that cannot be read fails its
 * batch, whose records the {@link Inbox} then applies one by one: that record alone goes to
 * intake's dead-letter topic and the others are still processed; a passing failure is waited out ({@link CaseClosures}). The
 * {@link Inbox} acknowledges, and holds batches back while the service stops.
 */
@ApplicationScoped
public class CaseEventConsumer implements TopicApplier {

    static final String CHANNEL = "cases-in";

    private final CaseClosures closures;
    private final Inbox inbox;

    public CaseEventConsumer(CaseClosures closures, Inbox inbox) {
        this.closures = closures;
        this.inbox = inbox;
    }

    void countFromStart(@Observes StartupEvent startup) {
        inbox.registerChannel(CHANNEL);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.deliver(CHANNEL, batch, this);
    }

    @Override
    public String topic() {
        return Topics.CASES;
    }

    @Override
    public void apply(String payload) {
        closures.applyAll(List.of(usable(payload)));
    }

    /**
     * Reads every record first, so an unusable one fails the batch before anything is written;
     * then applies the batch in one transaction. Nothing here is logged or published per event,
     * so the records' own contexts are not entered.
     */
    @Override
    public void applyAll(List<Consumed> records) {
        closures.applyAll(records.stream().map(record -> usable(record.payload())).toList());
    }

    private static CaseEvent usable(String payload) {
        HotlineEvent event = EventJson.read(payload);
        if (!(event instanceof CaseEvent caseEvent)) {
            throw new IllegalArgumentException(event.typeName() + " does not belong on the cases topic");
        }
        if (caseEvent.eventId() == null || caseEvent.caseId() == null || caseEvent.occurredAt() == null) {
            throw new IllegalArgumentException("case event lacks its event id, case id or time");
        }
        return caseEvent;
    }
}
