package io.tousu.platform.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.tousu.platform.outbox.OutboxProducerFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a record that can never be processed to {@code <topic>.dlq}, with its own key, value and
 * headers plus the reason, in the headers the SmallRye dead-letter strategy uses. For batch
 * consumers, which must dead-letter one record and go on with the rest of the batch.
 * Waits for the broker's acknowledgement: the caller commits the offset only afterwards.
 */
@ApplicationScoped
public class DeadLetters {
    private final OutboxProducerFactory producers;
    private volatile Producer<String, String> producer;

    public DeadLetters(OutboxProducerFactory producers) {
        this.producers = producers;
    }

    public void send(ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(record.topic() + ".dlq", null, record.key(),
                record.value(), record.headers());
        Headers headers = dead.headers();
        headers.add("dead-letter-reason", utf8(reason));
        headers.add("dead-letter-topic", utf8(record.topic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(record.offset())));
        try {
            producer().send(dead).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter a record of " + record.topic(), e);
        }
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = producers.create("dead-letters");
        }
        return producer;
    }

    synchronized void close(@Observes ShutdownEvent stop) {
        if (producer != null) {
            producer.close();
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
