package io.tousu.routing.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.platform.inbox.Inbox;
import io.tousu.platform.messaging.CloudEventHeaders;
import io.tousu.platform.messaging.IncomingEvent;
import io.tousu.platform.messaging.PoisonMessageException;
import io.tousu.platform.problem.InvalidInputException;
import io.tousu.platform.problem.StateConflictException;
import io.tousu.routing.dispatch.WorkOrderHandling;
import io.tousu.routing.workorder.WorkOrderInput;
import io.tousu.routing.workorder.WorkOrderResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.io.IOException;
import java.util.UUID;

/**
 * Results that department apps produce to {@code workorders.results}: the body of
 * {@code POST .../result} plus {@code workOrderId}. Plain JSON or a CloudEvent; a result that
 * is unreadable, invalid, for an unknown order or not allowed in its state is dead-lettered
 * with the reason, and the consumer goes on.
 */
@ApplicationScoped
public class WorkOrderResultsConsumer {
    static final String CHANNEL = "workorders-results";

    private final Inbox inbox;
    private final WorkOrderHandling handling;
    private final ObjectMapper mapper;

    public WorkOrderResultsConsumer(Inbox inbox, WorkOrderHandling handling, ObjectMapper mapper) {
        this.inbox = inbox;
        this.handling = handling;
        this.mapper = mapper;
    }

    record ResultMessage(UUID workOrderId, WorkOrderResult result) {
    }

    @Incoming(CHANNEL)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        if (!inbox.firstDelivery(CHANNEL, deliveryId(record))) {
            return;
        }
        ResultMessage message = read(record);
        try {
            handling.submitResult(message.workOrderId(), WorkOrderInput.result(message.result()), order -> { });
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
