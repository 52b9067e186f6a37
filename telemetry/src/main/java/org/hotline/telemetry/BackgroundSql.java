package org.hotline.telemetry;

import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps SQL that no request or record caused out of the traces: the outbox relay polls every
 * second, metrics count in the database, stats-service's summary feed recomputes on a ticker:
 * each statement a trace of its own that would bury
 * the traces of contacts. A statement inside a request's or a record's trace is sampled with it,
 * as is everything else (parent-based; roots by {@link TracingConfig#rootRatio()}). Quarkus takes
 * a {@link Sampler} bean in place of its configured one, in every service.
 */
@ApplicationScoped
public class BackgroundSql implements Sampler {

    private final Sampler otherwise;

    public BackgroundSql(TracingConfig config) {
        double ratio = config.rootRatio();
        this.otherwise = Sampler.parentBased(ratio >= 1 ? Sampler.alwaysOn()
                : ratio <= 0 ? Sampler.alwaysOff() : Sampler.traceIdRatioBased(ratio));
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        boolean root = !Span.fromContext(parentContext).getSpanContext().isValid();
        if (root && spanKind == SpanKind.CLIENT && isSql(attributes)) {
            return SamplingResult.drop();
        }
        return otherwise.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    private static boolean isSql(Attributes attributes) {
        return attributes.asMap().keySet().stream().anyMatch(key -> key.getKey().startsWith("db."));
    }

    @Override
    public String getDescription() {
        return "BackgroundSql{otherwise=" + otherwise.getDescription() + "}";
    }
}
