package org.hotline.telemetry;

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

    private final BackgroundSql sampler = new BackgroundSql(rootRatio(1.0));

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

    @Test
    void withARootRatioOfZeroOnlyWorkThatArrivesInASampledTraceIsTraced() {
        BackgroundSql callersOnly = new BackgroundSql(rootRatio(0));

        assertThat(decision(callersOnly, Context.root(), SpanKind.SERVER, Attributes.empty()))
                .isEqualTo(SamplingDecision.DROP);
        assertThat(decision(callersOnly, inSampledTrace(), SpanKind.SERVER, Attributes.empty()))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decision(callersOnly, inSampledTrace(), SpanKind.CLIENT, SQL))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    }

    private SamplingDecision decision(Context parent, SpanKind kind, Attributes attributes) {
        return decision(sampler, parent, kind, attributes);
    }

    private static SamplingDecision decision(BackgroundSql sampler, Context parent, SpanKind kind, Attributes attributes) {
        return sampler.shouldSample(parent, TRACE, "span", kind, attributes, List.of()).getDecision();
    }

    private static TracingConfig rootRatio(double ratio) {
        return () -> ratio;
    }

    private static Context inSampledTrace() {
        return Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(TRACE, "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault())));
    }
}
