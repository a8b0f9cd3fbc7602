package io.tousu.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A CloudEvent read from a Kafka record. A record without an id or type, or whose data is not
 * the JSON its type promises, is a poison message: {@link PoisonMessageException} sends it to
 * the dead-letter topic.
 */
public record IncomingEvent(String id, String type, String subject, Instant time, String data) {

    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new PoisonMessageException("not a CloudEvent: ce_id or ce_type header missing");
        }
        if (record.value() == null) {
            throw new PoisonMessageException("event " + id + " has no data");
        }
        return new IncomingEvent(id, type, header(record, CloudEventHeaders.SUBJECT), time(record), record.value());
    }

    /** Without a valid ce_time, the time the broker stored the record. */
    private static Instant time(ConsumerRecord<String, String> record) {
        String time = header(record, CloudEventHeaders.TIME);
        try {
            return time == null ? Instant.ofEpochMilli(record.timestamp()) : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.ofEpochMilli(record.timestamp());
        }
    }

    /** The type without its version: {@code ComplaintReceived} for {@code ComplaintReceived.v1}. */
    public String typeName() {
        int version = type.lastIndexOf(".v");
        return version < 0 ? type : type.substring(0, version);
    }

    /** True for {@code ComplaintReceived.v1} when asked {@code ComplaintReceived}. */
    public boolean is(String typeName) {
        return typeName().equals(typeName);
    }

    public <T> T data(Class<T> type, ObjectMapper mapper) {
        try {
            return mapper.readValue(data, type);
        } catch (IOException e) {
            throw new PoisonMessageException("event " + id + " of type " + this.type + " has unreadable data: "
                    + e.getMessage(), e);
        }
    }

    /** A header's value as UTF-8 text, or null when the record lacks it. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
