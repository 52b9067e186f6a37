package org.hotline.stats.messaging;

import org.hotline.events.HotlineEvent;
import org.hotline.inbox.Batch;
import org.hotline.inbox.BatchSpan;
import org.hotline.inbox.EventConsumer;
import org.hotline.inbox.Inbox;
import org.hotline.stats.service.StatsWriter;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * What stats-service's two consumers share: each batch is applied to every live generation
 * ({@link StatsWriter#applyLive}), summed over the batch, so its statements belong to no single
 * record: they run in one span linked to every record's trace ({@link BatchSpan}).
 */
abstract class StatsConsumer<E extends HotlineEvent> extends EventConsumer<E> {

    private final StatsWriter writer;
    private final Tracer tracer;

    StatsConsumer(Inbox inbox, StatsWriter writer, Tracer tracer, String channel, String topic, Class<E> type) {
        super(inbox, channel, topic, type);
        this.writer = writer;
        this.tracer = tracer;
    }

    @Override
    protected void check(E event) {
        StatsWriter.check(event);
    }

    @Override
    public void apply(Batch<E> batch) {
        try (Scope span = BatchSpan.enter(tracer, topic(), batch.records())) {
            writer.applyLive(batch::firstTimeIn);
        }
    }
}
