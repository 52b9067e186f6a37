package org.hotline.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * For the tracing tests: the services run with tracing off in tests (cheap), and a test class
 * that reads spans switches it on with its service's test profile ({@code OwnSettingsProfile})
 * and injects the service's in-memory exporter (an {@link InMemorySpanExporter} bean in its test
 * sources).
 */
public final class Traces {

    private Traces() {
    }

    /** A fresh W3C trace id (32 hex digits). */
    public static String newTraceId() {
        return hex(16);
    }

    /** A fresh W3C span id (16 hex digits). */
    public static String newSpanId() {
        return hex(8);
    }

    /** A sampled W3C {@code traceparent} naming this trace and parent span. */
    public static String traceparent(String traceId, String parentSpanId) {
        return "00-" + traceId + "-" + parentSpanId + "-01";
    }

    /** The finished spans of one trace, once {@code complete} holds for them. */
    public static List<SpanData> awaitTrace(InMemorySpanExporter spans, String traceId,
            Predicate<List<SpanData>> complete) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId)).toList(), complete);
    }

    /** Holds when some span of the list is of this kind. */
    public static Predicate<List<SpanData>> hasKind(SpanKind kind) {
        return found -> found.stream().anyMatch(span -> span.getKind() == kind);
    }

    /** A JDBC statement's span: a client span with database attributes. */
    public static boolean isSql(SpanData span) {
        return span.getKind() == SpanKind.CLIENT
                && span.getAttributes().asMap().keySet().stream().anyMatch(key -> key.getKey().startsWith("db."));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
