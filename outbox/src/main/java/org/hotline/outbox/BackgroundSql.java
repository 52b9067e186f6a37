package org.hotline.outbox;

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
 * Keeps SQL that no request or record caused out of the traces: the relay polls the outbox every
 * second, and metrics count in the database, each statement a trace of its own that would bury
 * the traces of contacts. A statement inside a request's or a record's trace is sampled with it,
 * as is everything else (parent-based, always on: Quarkus' default). Quarkus takes a
 * {@link Sampler} bean in place of its configured one.
 */
@ApplicationScoped
public class BackgroundSql implements Sampler {

    private final Sampler otherwise = Sampler.parentBased(Sampler.alwaysOn());

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
