package org.hotline.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

class BatchSpanTest {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .setSampler(Sampler.parentBased(Sampler.alwaysOff()))
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final Tracer tracer = provider.get("test");

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void theBatchSpanIsAChildOfTheFirstSampledRecordAndLinksToTheOthers() {
        SpanContext unsampled = remote("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", false);
        SpanContext first = remote("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true);
        SpanContext second = remote("5bf92f3577b34da6a3ce929d0e0e4736", "10f067aa0ba902b7", true);
        List<Consumed> batch = List.of(record(unsampled), new Consumed("{}", "e2", null), record(first),
                record(second));

        try (Scope entered = BatchSpan.enter(tracer, "hotline.contacts.v1", batch)) {
            assertThat(Span.current().getSpanContext().getTraceId()).as("the SQL inside runs in the span")
                    .isEqualTo(first.getTraceId());
        }

        assertThat(exporter.getFinishedSpanItems()).singleElement().satisfies(span -> {
            assertThat(span.getName()).isEqualTo("hotline.contacts.v1 process");
            assertThat(span.getTraceId()).isEqualTo(first.getTraceId());
            assertThat(span.getParentSpanId()).isEqualTo(first.getSpanId());
            assertThat(span.getLinks()).extracting(LinkData::getSpanContext).containsExactly(unsampled, second);
            assertThat(span.getAttributes().get(AttributeKey.longKey("messaging.batch.message_count"))).isEqualTo(4);
        });
    }

    @Test
    void aBatchWithNoSampledRecordIsARootThatTheSamplerDecides() {
        SpanContext unsampled = remote("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", false);

        try (Scope entered = BatchSpan.enter(tracer, "hotline.cases.v1", List.of(record(unsampled)))) {
            assertThat(Span.current().getSpanContext().getTraceId()).isNotEqualTo(unsampled.getTraceId());
        }

        List<SpanData> finished = exporter.getFinishedSpanItems();
        assertThat(finished).as("a root under parentBased(alwaysOff) is not sampled").isEmpty();
    }

    private static SpanContext remote(String traceId, String spanId, boolean sampled) {
        return SpanContext.createFromRemoteParent(traceId, spanId,
                sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault());
    }

    private static Consumed record(SpanContext context) {
        return new Consumed("{}", "e-" + context.getSpanId(), Context.root().with(Span.wrap(context)));
    }
}
