package io.tousu.platform.outbox;

import io.tousu.platform.messaging.CloudEventHeaders;
import io.tousu.platform.tracing.Traces;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Turns an outbox row into a binary-mode CloudEvent Kafka record. */
final class OutboxRecords {
    private OutboxRecords() {
    }

    /** @param traceparent the W3C trace context to send with it, or null */
    static ProducerRecord<String, String> toRecord(OutboxMessage m, String source, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8));
        headers.add(CloudEventHeaders.ID, m.eventId.toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, m.type.getBytes(UTF_8));
        headers.add(CloudEventHeaders.SOURCE, source.getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, m.occurredAt.toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, m.subject.getBytes(UTF_8));
        headers.add(CloudEventHeaders.CONTENT_TYPE, "application/json".getBytes(UTF_8));
        if (traceparent != null) {
            headers.add(Traces.HEADER, traceparent.getBytes(UTF_8));
        }
        return new ProducerRecord<>(m.topic, null, m.key, m.payload, headers);
    }
}
