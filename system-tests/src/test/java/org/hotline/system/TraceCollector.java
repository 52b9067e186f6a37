package org.hotline.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
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
 * trace id. It answers every export with success and keeps what it received until the run ends:
 * besides the fields a test asserts on, every text the export carried about each span, for tests
 * that look for what must not be in a trace (CanaryLeakIT).
 */
final class TraceCollector implements AutoCloseable {

    /**
     * One received span, as much of it as a test asserts on; {@code texts} is everything the
     * export said about it, one {@code path=value} a field (see {@link TraceCollector#textsOf}).
     */
    record CollectedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
            Span.SpanKind kind, Set<String> attributeKeys, List<String> texts) {

        /** A span of that service, of that kind (its server side, a Kafka send, a consumption). */
        boolean is(String service, Span.SpanKind kind) {
            return this.service.equals(service) && this.kind == kind;
        }

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

    /** Every span received so far, of any trace. */
    List<CollectedSpan> everySpan() {
        return List.copyOf(spans);
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
                        // The span's own fields, and those of the scope and resource it was sent with.
                        List<String> texts = new ArrayList<>();
                        textsOf("resource", resource.getResource(), texts);
                        textsOf("resource.schema_url", resource.getSchemaUrl(), texts);
                        textsOf("scope", scope.getScope(), texts);
                        textsOf("scope.schema_url", scope.getSchemaUrl(), texts);
                        textsOf("span", span, texts);
                        spans.add(new CollectedSpan(service, HEX.formatHex(span.getTraceId().toByteArray()),
                                HEX.formatHex(span.getSpanId().toByteArray()),
                                HEX.formatHex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind(),
                                attributes(span.getAttributesList()).keySet(), List.copyOf(texts)));
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

    /**
     * Every field set in {@code message}, nested messages walked, as {@code path=value}: so that a
     * field no test thought of (an event's attribute, a link's trace state, a status message, an
     * array or map value, a field newer than this receiver's protocol) is read too. An attribute's
     * path names its key ({@code span.attributes[http.route].value.string_value=...}, with the key
     * itself a text of its own); bytes are decoded byte for byte, as text planted in them would show.
     */
    static void textsOf(String path, Object value, List<String> into) {
        if (value instanceof MessageOrBuilder message) {
            for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
                FieldDescriptor descriptor = field.getKey();
                if (!descriptor.isRepeated()) {
                    textsOf(path + "." + descriptor.getName(), field.getValue(), into);
                    continue;
                }
                List<?> elements = (List<?>) field.getValue();
                for (int i = 0; i < elements.size(); i++) {
                    Object element = elements.get(i);
                    String index = element instanceof KeyValue attribute ? attribute.getKey() : Integer.toString(i);
                    textsOf(path + "." + descriptor.getName() + "[" + index + "]", element, into);
                }
            }
            if (!message.getUnknownFields().asMap().isEmpty()) {
                into.add(path + ".unknown_fields=" + message.getUnknownFields());
            }
        } else if (value instanceof ByteString bytes) {
            into.add(path + "=" + bytes.toString(StandardCharsets.ISO_8859_1));
        } else if (!(value instanceof String text && text.isEmpty())) {
            into.add(path + "=" + value);
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
