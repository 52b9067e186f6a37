package org.hotline.inbox;

import org.hotline.telemetry.EventLogContext;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * A consumed record as the {@link Inbox} hands it to a service: its payload, its event id (the
 * {@code ce_id} header; null without one) and the trace the Kafka connector continued for it (null
 * with tracing off).
 */
public record Consumed(String payload, String eventId, Context trace) {

    /**
     * From here to {@code close()}, log lines carry the record's event id and spans (the SQL, an
     * event published through the outbox) belong to its trace: a batch is applied in one go, but
     * each record's effects stay its own.
     */
    public Scope enter() {
        EventLogContext logged = EventLogContext.of(eventId);
        Scope traced = trace == null ? Scope.noop() : trace.makeCurrent();
        return () -> {
            traced.close();
            logged.close();
        };
    }
}
