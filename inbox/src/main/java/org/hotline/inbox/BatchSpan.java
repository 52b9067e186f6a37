package org.hotline.inbox;

import java.util.List;
import java.util.Objects;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The span of a batch applied as one (stats-service sums a batch's contacts and writes each
 * counter once, so no statement belongs to a single record). Following OpenTelemetry's messaging
 * conventions for batches, the span links to every record's trace; it is also the child of the
 * first record whose trace is sampled, so that a traced contact's trace shows the SQL that counted
 * it even when other records shared the batch (their traces hold only the link's far end). With
 * no sampled record there is no parent, and the sampler treats the span as a root.
 */
public final class BatchSpan {

    /** OpenTelemetry's default cap on a span's links; the SDK would drop the rest silently. */
    private static final int MAX_LINKS = 128;

    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<Long> COUNT = AttributeKey.longKey("messaging.batch.message_count");

    private BatchSpan() {
    }

    /** Opens the span of applying {@code records} of {@code topic}; closing the scope ends it. */
    public static Scope enter(Tracer tracer, String topic, List<Consumed> records) {
        List<SpanContext> traced = records.stream().map(Consumed::trace).filter(Objects::nonNull)
                .map(context -> Span.fromContext(context).getSpanContext()).filter(SpanContext::isValid).toList();
        SpanBuilder builder = tracer.spanBuilder(topic + " process").setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka").setAttribute(OPERATION, "process")
                .setAttribute(DESTINATION, topic).setAttribute(COUNT, (long) records.size());
        SpanContext parent = traced.stream().filter(SpanContext::isSampled).findFirst().orElse(null);
        builder = parent == null ? builder.setNoParent()
                : builder.setParent(Context.root().with(Span.wrap(parent)));
        traced.stream().filter(context -> context != parent).limit(MAX_LINKS).forEach(builder::addLink);
        Span span = builder.startSpan();
        Scope current = span.makeCurrent();
        return () -> {
            current.close();
            span.end();
        };
    }
}
