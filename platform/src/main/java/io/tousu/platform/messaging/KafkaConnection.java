package io.tousu.platform.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

/**
 * How the platform's own Kafka clients (the outbox relay's and the dead letters' producers, the
 * health checks' admin client) reach the broker: the bootstrap servers and the security settings
 * ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}) that the connector's channels use,
 * from the same {@code kafka.*} configuration (or {@code KAFKA_*} variables: in Kubernetes,
 * SCRAM credentials from the Strimzi KafkaUser's secret and the cluster CA).
 */
@ApplicationScoped
public class KafkaConnection {
    private final Map<String, Object> settings;

    @Inject
    public KafkaConnection(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.settings = of(broker);
    }

    /** What a client needs to connect, from the connector's merged {@code kafka.*} configuration. */
    static Map<String, Object> of(Map<String, Object> broker) {
        Map<String, Object> connection = new HashMap<>();
        broker.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.equals("security.protocol") || key.startsWith("sasl.")
                    || key.startsWith("ssl.")) {
                connection.put(key, value);
            }
        });
        return Map.copyOf(connection);
    }

    /** A new map holding the connection settings, for a client to add its own to. */
    public Map<String, Object> settings() {
        return new HashMap<>(settings);
    }
}
