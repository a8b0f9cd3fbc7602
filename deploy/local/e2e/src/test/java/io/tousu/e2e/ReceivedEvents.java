package io.tousu.e2e;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ComplaintReceived.v1} events put on {@code complaints.received} as intake publishes them:
 * an SP-charge complaint of a customer of its own (never a repeat, never part of an incident),
 * marked by its subject so that a test counts its own work orders.
 */
final class ReceivedEvents implements AutoCloseable {
    static final String TOPIC = "complaints.received";
    private final KafkaProducer<String, String> producer;

    ReceivedEvents(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10),
                new StringSerializer(), new StringSerializer());
    }

    /** The {@code i}-th complaint marked {@code subject}, on the partition its id hashes to, or on {@code partition}. */
    void send(int i, String subject, Integer partition) {
        String id = UUID.randomUUID().toString();
        String event = """
                {"complaintId":"%s","number":"TS20261122%06d","channel":"HOTLINE","type":"COMPLAINT",
                 "receivedAt":"2026-11-22T09:15:00+08:00","customer":{"phone":"139%08d"},"area":"压测区%d",
                 "category":"FEES.SP_CHARGE","subject":"%s","description":"本月账单出现两笔信息费"}"""
                .formatted(id, i, i, i, subject);
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, partition, id, event);
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "ComplaintReceived.v1".getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    int partitions() {
        return producer.partitionsFor(TOPIC).size();
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
