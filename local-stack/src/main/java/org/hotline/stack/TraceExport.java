package org.hotline.stack;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Whether {@code ./stack}'s services export their traces, and where. Off unless
 * {@code HOTLINE_STACK_OTLP_ENDPOINT} names a collector: no collector runs on this machine by
 * default, and a service that exports to nothing only fills its log with failed attempts.
 * {@code HOTLINE_STACK_OTLP_PROTOCOL} is {@code grpc} (port 4317, the default) or
 * {@code http/protobuf} (port 4318), as Quarkus' own setting takes it.
 */
public record TraceExport(URI endpoint, String protocol) {

    public static final String ENDPOINT_VARIABLE = "HOTLINE_STACK_OTLP_ENDPOINT";
    public static final String PROTOCOL_VARIABLE = "HOTLINE_STACK_OTLP_PROTOCOL";

    private static final Set<String> PROTOCOLS = Set.of("grpc", "http/protobuf");

    /** No export: what the stack's services run with unless told otherwise. */
    public static final TraceExport OFF = new TraceExport(null, null);

    public static TraceExport fromEnvironment(UnaryOperator<String> environment) {
        String endpoint = environment.apply(ENDPOINT_VARIABLE);
        if (endpoint == null || endpoint.isBlank()) {
            return OFF;
        }
        String protocol = environment.apply(PROTOCOL_VARIABLE);
        protocol = protocol == null || protocol.isBlank() ? "grpc" : protocol.strip();
        if (!PROTOCOLS.contains(protocol)) {
            throw new StackFailure(PROTOCOL_VARIABLE + " must be grpc or http/protobuf, not '" + protocol + "'");
        }
        URI uri;
        try {
            uri = URI.create(endpoint.strip());
        } catch (IllegalArgumentException e) {
            throw new StackFailure(ENDPOINT_VARIABLE + " must be a URL such as http://localhost:4317, not '" + endpoint + "'");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new StackFailure(ENDPOINT_VARIABLE + " must be a URL such as http://localhost:4317, not '" + endpoint + "'");
        }
        return new TraceExport(uri, protocol);
    }

    public boolean enabled() {
        return endpoint != null;
    }

    /** The Quarkus settings each service gets: tracing off, or on and sent to the endpoint. */
    public Map<String, String> serviceEnvironment() {
        if (!enabled()) {
            return Map.of("QUARKUS_OTEL_SDK_DISABLED", "true");
        }
        return Map.of(
                "QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", endpoint.toString(),
                "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", protocol);
    }
}
