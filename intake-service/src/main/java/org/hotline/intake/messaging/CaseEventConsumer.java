package org.hotline.intake.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.events.CaseEvent;
import org.hotline.events.Topics;
import org.hotline.inbox.Batch;
import org.hotline.inbox.EventConsumer;
import org.hotline.inbox.Inbox;
import org.hotline.inbox.UnusableEvent;
import org.hotline.intake.service.CaseClosures;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.inject.Singleton;

/**
 * Learns from {@code hotline.cases.v1} when each caller's cases close (retention) and who works
 * each case (need to know): the {@link Inbox} hands each poll's case events here in one
 * transaction, and {@link CaseClosures} applies those never applied before. Nothing here is
 * logged or published per event, so the records' own contexts are not entered.
 */
@Singleton
public class CaseEventConsumer extends EventConsumer<CaseEvent> {

    static final String CHANNEL = "cases-in";

    private final CaseClosures closures;

    public CaseEventConsumer(Inbox inbox, CaseClosures closures) {
        super(inbox, CHANNEL, Topics.CASES, CaseEvent.class);
        this.closures = closures;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return deliver(batch);
    }

    @Override
    protected void check(CaseEvent event) {
        if (event.caseId() == null || event.occurredAt() == null) {
            throw new UnusableEvent("case event lacks its case id or time");
        }
    }

    @Override
    public void apply(Batch<CaseEvent> batch) {
        closures.applyAll(batch.firstTime());
    }
}
