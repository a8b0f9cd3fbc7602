package io.tousu.followup.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.followup.complaint.ComplaintState;
import io.tousu.followup.complaint.FollowedComplaints;
import io.tousu.followup.complaint.ReceivedComplaint;
import io.tousu.followup.sla.SlaClocks;
import io.tousu.platform.inbox.EventInbox;
import io.tousu.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Intake's accepted complaints, a polled batch per transaction: each opens its receipt's clocks
 * (the pack's, the promise told at intake, a referral's own due date) and tells followup whom to
 * answer and how. The batch's complaints are locked, inserted and loaded up front.
 */
@ApplicationScoped
public class ComplaintsReceivedConsumer {
    static final String CHANNEL = "complaints-received";

    private final EventInbox inbox;
    private final FollowedComplaints complaints;
    private final SlaClocks clocks;
    private final ObjectMapper mapper;

    public ComplaintsReceivedConsumer(EventInbox inbox, FollowedComplaints complaints, SlaClocks clocks,
                                      ObjectMapper mapper) {
        this.inbox = inbox;
        this.complaints = complaints;
        this.clocks = clocks;
        this.mapper = mapper;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        inbox.consumeBatch(CHANNEL, records, e -> e.is(ReceivedComplaint.TYPE), new Batch());
    }

    private final class Batch implements EventInbox.BatchHandler {
        private final Map<String, ReceivedComplaint> read = new HashMap<>();

        @Override
        public void begin(List<IncomingEvent> events) {
            read.clear();
            events.forEach(e -> read.put(e.id(), e.data(ReceivedComplaint.class, mapper)));
            complaints.prepare(read.values().stream().map(ReceivedComplaint::complaintId).filter(Objects::nonNull).toList(),
                    read.values().stream().filter(r -> r.complaintId() != null && !r.resolvedOnFirstContact())
                            .map(r -> new FollowedComplaints.Known(r.complaintId(), r.number(), ComplaintState.RECEIVED))
                            .toList());
        }

        @Override
        public void handle(IncomingEvent event) {
            complaints.received(read.get(event.id()));
        }

        @Override
        public void end() {
            clocks.publishChanged();
        }
    }
}
