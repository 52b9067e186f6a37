package org.hotline.outbox;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * Carries the trace of the transaction that wrote an outbox message across the gap to the relay,
 * which sends it later, on its own thread, where that trace is no longer current. The W3C form is
 * what the Kafka headers carry too, so the stored value is the one a consumer reads.
 */
final class TraceContext {

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContext() {
    }

    /** The current trace context, as stored beside an outbox row: both null when nothing is traced. */
    record Captured(String traceparent, String tracestate) {

        static final Captured NONE = new Captured(null, null);
    }

    /** The current trace context, to store with the messages written now. */
    static Captured current() {
        if (!Span.current().getSpanContext().isValid()) {
            // Nothing traced (tracing off, or work no request caused): nothing to propagate.
            return Captured.NONE;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return new Captured(carrier.get("traceparent"), carrier.get("tracestate"));
    }

    /** The writer's context as a remote parent for the Kafka send; null if the writer was not traced. */
    static Context parentOf(OutboxMessage message) {
        if (message.traceparent() == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        carrier.put("traceparent", message.traceparent());
        if (message.tracestate() != null) {
            carrier.put("tracestate", message.tracestate());
        }
        return W3C.extract(Context.root(), carrier, FROM_MAP);
    }
}
