package org.hotline.stats.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hotline.events.CaseEvent;
import org.hotline.events.Topics;
import org.hotline.inbox.Inbox;
import org.hotline.stats.service.StatsWriter;

import io.opentelemetry.api.trace.Tracer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.inject.Singleton;

/** Keeps the facts of each case that the figures need: its state, stage and care, as the events come ({@link StatsConsumer}). */
@Singleton
public class CaseEventConsumer extends StatsConsumer<CaseEvent> {

    static final String CHANNEL = "cases-in";

    public CaseEventConsumer(Inbox inbox, StatsWriter writer, Tracer tracer) {
        super(inbox, writer, tracer, CHANNEL, Topics.CASES, CaseEvent.class);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return deliver(batch);
    }
}
