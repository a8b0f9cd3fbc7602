package io.tousu.platform.outbox;

import io.tousu.platform.messaging.KafkaConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/** The platform's producers: idempotent, {@code acks=all}, failing fast when the broker is away. */
@ApplicationScoped
public class OutboxProducerFactory {
    private final KafkaConnection connection;
    private final String applicationName;
    private final String compression;

    public OutboxProducerFactory(KafkaConnection connection,
                                 @ConfigProperty(name = "quarkus.application.name") String applicationName,
                                 OutboxConfig config) {
        this.connection = connection;
        this.applicationName = applicationName;
        this.compression = config.compression();
    }

    /** The CloudEvents {@code source} of everything this service publishes. */
    public String source() {
        return "/" + applicationName;
    }

    /** A new producer; {@code purpose} names it in the broker's client ids ({@code outbox}, {@code dead-letters}). */
    public Producer<String, String> create(String purpose) {
        Map<String, Object> config = connection.settings();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-" + purpose);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(config);
    }
}
