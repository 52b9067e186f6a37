package org.hotline.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;

import org.junit.jupiter.api.Test;

class BackgroundSqlTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final Attributes SQL = Attributes.of(AttributeKey.stringKey("db.system.name"), "postgresql");

    private final BackgroundSql sampler = new BackgroundSql();

    @Test
    void sqlThatNoRequestOrRecordCausedIsDropped() {
        assertThat(decision(Context.root(), SpanKind.CLIENT, SQL)).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void sqlInsideATracedRequestIsSampledWithIt() {
        assertThat(decision(inSampledTrace(), SpanKind.CLIENT, SQL)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    }

    @Test
    void aRequestOrARecordStartsATrace() {
        assertThat(decision(Context.root(), SpanKind.SERVER, Attributes.empty()))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decision(Context.root(), SpanKind.CONSUMER, Attributes.empty()))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    }

    private SamplingDecision decision(Context parent, SpanKind kind, Attributes attributes) {
        return sampler.shouldSample(parent, TRACE, "span", kind, attributes, List.of()).getDecision();
    }

    private static Context inSampledTrace() {
        return Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(TRACE, "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault())));
    }
}
