package io.tousu.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** Watches complaints.received from its current end and notes when each awaited complaint id arrives. */
final class ReceivedWatcher implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Set<String> awaited = new HashSet<>();
    /** Ids on the topic before their HTTP answer was read: the relay can be faster than the client. */
    private final Set<String> early = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long seen;
    private volatile long lastSeenNanos;

    ReceivedWatcher(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // Only the key (the complaint id) is read: decoding every value would load the machine under test.
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor("complaints.received", Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        ends.forEach(consumer::seek);
        thread = new Thread(this::run, "received-watcher");
        thread.start();
    }

    synchronized void expect(String complaintId) {
        if (early.remove(complaintId)) {
            arrived();
        } else {
            awaited.add(complaintId);
        }
    }

    private synchronized void onRecord(String complaintId) {
        if (awaited.remove(complaintId)) {
            arrived();
        } else {
            early.add(complaintId);
        }
    }

    private void arrived() {
        seen++;
        lastSeenNanos = System.nanoTime();
    }

    private void run() {
        while (running) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                onRecord(r.key());
            }
        }
    }

    /** Waits until every expected id was seen; returns when the last one arrived (nanoTime), or -1. */
    long awaitAll(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return seen >= expected ? lastSeenNanos : -1;
    }

    long seen() {
        return seen;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        consumer.close();
    }
}
