package io.tousu.platform.tracing;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tracing is on only where a collector is named: without {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}
 * (or its {@code _TRACES_} form, or the matching system property) the OpenTelemetry SDK is
 * disabled, instead of exporting to a default {@code localhost} address that nothing listens on
 * and logging each failed export. Quarkus has no conditional default for this; an explicit
 * {@code quarkus.otel.sdk.disabled} anywhere else still wins (this source's ordinal is the lowest).
 */
public class TracingSwitch implements ConfigSource {
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    private static final String[] ENDPOINTS = {"quarkus.otel.exporter.otlp.endpoint", "quarkus.otel.exporter.otlp.traces.endpoint"};

    private final Map<String, String> properties;

    public TracingSwitch() {
        this(System.getenv(), System.getProperties().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), e -> e.getValue().toString())));
    }

    TracingSwitch(Map<String, String> env, Map<String, String> system) {
        this.properties = Map.of(SDK_DISABLED, Boolean.toString(!collectorNamed(env, system)));
    }

    static boolean collectorNamed(Map<String, String> env, Map<String, String> system) {
        for (String property : ENDPOINTS) {
            String variable = property.toUpperCase().replace('.', '_');
            if (present(env.get(variable)) || present(system.get(property))) {
                return true;
            }
        }
        return false;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "tousu-tracing-switch";
    }

    /** Below the platform's microprofile-config.properties (100): any explicit setting wins. */
    @Override
    public int getOrdinal() {
        return 50;
    }
}
