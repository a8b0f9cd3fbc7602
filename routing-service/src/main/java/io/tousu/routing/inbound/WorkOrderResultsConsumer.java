package io.tousu.routing.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.platform.inbox.Inbox;
import io.tousu.platform.messaging.BatchRunner;
import io.tousu.platform.messaging.CloudEventHeaders;
import io.tousu.platform.messaging.IncomingEvent;
import io.tousu.platform.messaging.PoisonMessageException;
import io.tousu.platform.problem.InvalidInputException;
import io.tousu.platform.problem.StateConflictException;
import io.tousu.routing.dispatch.WorkOrderHandling;
import io.tousu.routing.workorder.WorkOrderInput;
import io.tousu.routing.workorder.WorkOrderResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Results as the body of {@code POST .../result} plus {@code workOrderId}, plain JSON or a
 * CloudEvent: from trusted internal systems on {@code workorders.results}, and from each
 * department app on its own {@code workorders.results.<dept>}, which only that department may
 * write (Kafka ACLs) and which answers only that department's orders. A result that is
 * unreadable, invalid, for an unknown order, for another department's order or not allowed in
 * its state is dead-lettered with the reason, and the consumer goes on. Taken in polled batches,
 * one transaction each.
 */
@ApplicationScoped
public class WorkOrderResultsConsumer {
    static final String CHANNEL = "workorders-results";
    static final String DEPARTMENT_CHANNEL = "department-results";
    private static final String DEPARTMENT_TOPIC_PREFIX = "workorders.results.";

    private final Inbox inbox;
    private final BatchRunner batches;
    private final WorkOrderHandling handling;
    private final ObjectMapper mapper;

    public WorkOrderResultsConsumer(Inbox inbox, BatchRunner batches, WorkOrderHandling handling, ObjectMapper mapper) {
        this.inbox = inbox;
        this.batches = batches;
        this.handling = handling;
        this.mapper = mapper;
    }

    record ResultMessage(UUID workOrderId, WorkOrderResult result) {
    }

    private record Delivery(ConsumerRecord<String, String> record, String id, ResultMessage message) {
    }

    /**
     * A polled batch in one transaction: its results and inbox rows commit together. A result
     * its order's state refuses fails the batch, which {@link BatchRunner} then runs record by
     * record, dead-lettering only that one.
     */
    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        consume(CHANNEL, records);
    }

    /** The departments' own results topics, subscribed by pattern, so that a new department needs no release. */
    @Incoming(DEPARTMENT_CHANNEL)
    @Blocking
    public void onDepartment(ConsumerRecords<String, String> records) {
        consume(DEPARTMENT_CHANNEL, records);
    }

    private void consume(String channel, ConsumerRecords<String, String> records) {
        List<Delivery> deliveries = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                deliveries.add(new Delivery(record, deliveryId(record), read(record)));
            } catch (PoisonMessageException e) {
                batches.deadLetter(record, e);
            }
        }
        batches.run(deliveries, Delivery::record, batch -> {
            Set<String> fresh = inbox.firstDeliveries(channel, batch.stream().map(Delivery::id).toList());
            for (Delivery d : batch) {
                if (fresh.remove(d.id())) {
                    submit(d.message(), d.record().topic());
                }
            }
        });
    }

    private void submit(ResultMessage message, String topic) {
        try {
            handling.submitResult(message.workOrderId(), WorkOrderInput.result(message.result()), order -> {
                if (topic.startsWith(DEPARTMENT_TOPIC_PREFIX)
                        && !order.department.equals(topic.substring(DEPARTMENT_TOPIC_PREFIX.length()))) {
                    throw new PoisonMessageException("a result on " + topic + " for work order " + order.id + " of "
                            + order.department + ": a department answers only its own orders");
                }
            });
        } catch (InvalidInputException e) {
            throw new PoisonMessageException("invalid result: " + e.errors(), e);
        } catch (StateConflictException | NotFoundException e) {
            throw new PoisonMessageException(e.getMessage(), e);
        }
    }

    private ResultMessage read(ConsumerRecord<String, String> record) {
        try {
            JsonNode body = record.value() == null ? null : mapper.readTree(record.value());
            JsonNode id = body == null ? null : body.get("workOrderId");
            if (id == null || !id.isTextual()) {
                throw new PoisonMessageException("result names no workOrderId");
            }
            return new ResultMessage(UUID.fromString(id.asText()), mapper.treeToValue(body, WorkOrderResult.class));
        } catch (IOException | IllegalArgumentException e) {
            throw new PoisonMessageException("unreadable result: " + e.getMessage(), e);
        }
    }

    /** The CloudEvent id if the app sent one, else the record's place in the log: the same on redelivery. */
    private static String deliveryId(ConsumerRecord<String, String> record) {
        String id = IncomingEvent.header(record, CloudEventHeaders.ID);
        return id != null ? id : record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
