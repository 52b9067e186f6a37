package org.hotline.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * An OTLP receiver (http/protobuf) inside the test JVM: the services of the running hotline export
 * their spans here, as they would to a collector in production, and a test reads them back by
 * trace id. It answers every export with success and keeps what it received until the run ends.
 */
final class TraceCollector implements AutoCloseable {

    /** One received span, as much of it as a test asserts on. */
    record CollectedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
            Span.SpanKind kind, Set<String> attributeKeys) {

        boolean isSql() {
            return kind == Span.SpanKind.SPAN_KIND_CLIENT && attributeKeys.stream().anyMatch(key -> key.startsWith("db."));
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private final HttpServer server;
    private final ConcurrentLinkedQueue<CollectedSpan> spans = new ConcurrentLinkedQueue<>();

    private TraceCollector(HttpServer server) {
        this.server = server;
    }

    static TraceCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TraceCollector collector = new TraceCollector(server);
            // Quarkus posts to <endpoint>/v1/traces.
            server.createContext("/v1/traces", collector::receive);
            server.start();
            return collector;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the OTLP receiver", e);
        }
    }

    /** The base URL a service's {@code quarkus.otel.exporter.otlp.endpoint} names. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The configuration that makes a service export here (see each service's application.properties). */
    Map<String, String> serviceEnvironment() {
        return Map.of(
                "QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                // Only work whose caller sent a sampled traceparent is traced (the telemetry
                // module's TracingConfig): the trace test sends one, the load and fault suites do
                // not, so they pay for no spans.
                "HOTLINE_TRACING_ROOT_RATIO", "0",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
    }

    /** Every span received so far in the trace {@code traceId} (32 hex digits). */
    List<CollectedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = attributes(resource.getResource().getAttributesList()).getOrDefault("service.name", "");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (Span span : scope.getSpansList()) {
                        spans.add(new CollectedSpan(service, HEX.formatHex(span.getTraceId().toByteArray()),
                                HEX.formatHex(span.getSpanId().toByteArray()),
                                HEX.formatHex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind(),
                                attributes(span.getAttributesList()).keySet()));
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, a -> a.getValue().getStringValue(),
                (first, second) -> first));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
