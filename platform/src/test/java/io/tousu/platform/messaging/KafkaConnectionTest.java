package io.tousu.platform.messaging;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConnectionTest {
    @Test
    void theOwnClientsTakeTheBrokerAndItsSecurityButNotTheConsumersSettings() {
        Map<String, Object> broker = Map.of("bootstrap.servers", "tousu-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.type", "PEM", "ssl.truststore.location", "/etc/tousu/kafka-ca/ca.crt",
                "auto.offset.reset", "earliest", "session.timeout.ms", "6000");
        assertThat(KafkaConnection.of(broker)).containsOnlyKeys("bootstrap.servers", "security.protocol",
                "sasl.mechanism", "sasl.jaas.config", "ssl.truststore.type", "ssl.truststore.location");
        assertThat(new KafkaConnection(broker).settings()).containsEntry("security.protocol", "SASL_SSL");
    }
}
