package org.hotline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TraceExportTest {

    @Test
    void tracingIsOffWhenNoCollectorIsNamed() {
        TraceExport export = TraceExport.fromEnvironment(Map.<String, String>of()::get);

        assertThat(export.enabled()).isFalse();
        assertThat(export.serviceEnvironment()).containsExactly(Map.entry("QUARKUS_OTEL_SDK_DISABLED", "true"));
    }

    @Test
    void aNamedCollectorSwitchesTracingOnAndReceivesTheTracesOverGrpcByDefault() {
        TraceExport export = TraceExport.fromEnvironment(
                Map.of("HOTLINE_STACK_OTLP_ENDPOINT", " http://localhost:4317 ")::get);

        assertThat(export.serviceEnvironment()).containsOnly(
                Map.entry("QUARKUS_OTEL_SDK_DISABLED", "false"),
                Map.entry("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317"),
                Map.entry("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"));
    }

    @Test
    void theProtocolCanBeHttpProtobuf() {
        TraceExport export = TraceExport.fromEnvironment(Map.of(
                "HOTLINE_STACK_OTLP_ENDPOINT", "http://collector:4318",
                "HOTLINE_STACK_OTLP_PROTOCOL", "http/protobuf")::get);

        assertThat(export.serviceEnvironment()).containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    }

    @Test
    void aWrongEndpointOrProtocolIsRefusedWithTheVariableToFix() {
        assertThatThrownBy(() -> TraceExport.fromEnvironment(Map.of("HOTLINE_STACK_OTLP_ENDPOINT", "localhost:4317")::get))
                .isInstanceOf(StackFailure.class).hasMessageContaining("HOTLINE_STACK_OTLP_ENDPOINT");
        assertThatThrownBy(() -> TraceExport.fromEnvironment(Map.of(
                "HOTLINE_STACK_OTLP_ENDPOINT", "http://localhost:4317",
                "HOTLINE_STACK_OTLP_PROTOCOL", "zipkin")::get))
                .isInstanceOf(StackFailure.class).hasMessageContaining("HOTLINE_STACK_OTLP_PROTOCOL");
    }
}
