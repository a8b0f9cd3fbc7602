package io.tousu.platform.tracing;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TracingSwitchTest {

    @Test
    void theSdkIsOffUnlessACollectorIsNamed() {
        assertThat(new TracingSwitch(Map.of(), Map.of()).getValue(TracingSwitch.SDK_DISABLED)).isEqualTo("true");
        assertThat(new TracingSwitch(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", " "), Map.of())
                .getValue(TracingSwitch.SDK_DISABLED)).isEqualTo("true");
    }

    @Test
    void anEndpointByVariableOrPropertyTurnsItOn() {
        assertThat(new TracingSwitch(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://tempo:4318"), Map.of())
                .getValue(TracingSwitch.SDK_DISABLED)).isEqualTo("false");
        assertThat(new TracingSwitch(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://jaeger:4318"), Map.of())
                .getValue(TracingSwitch.SDK_DISABLED)).isEqualTo("false");
        assertThat(new TracingSwitch(Map.of(), Map.of("quarkus.otel.exporter.otlp.endpoint", "http://localhost:4318"))
                .getValue(TracingSwitch.SDK_DISABLED)).isEqualTo("false");
    }

    @Test
    void anExplicitSettingWinsOverTheSwitch() {
        assertThat(new TracingSwitch(Map.of(), Map.of()).getOrdinal()).isLessThan(100);
    }
}
