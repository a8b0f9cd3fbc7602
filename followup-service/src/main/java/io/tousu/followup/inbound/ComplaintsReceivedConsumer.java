package io.tousu.followup.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.followup.complaint.FollowedComplaints;
import io.tousu.followup.complaint.ReceivedComplaint;
import io.tousu.followup.sla.SlaClocks;
import io.tousu.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Intake's accepted complaints, a polled batch per transaction: each opens its receipt's clocks
 * (the pack's, the promise told at intake, a referral's own due date) and tells followup whom to
 * answer and how.
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
        inbox.consume(CHANNEL, records, e -> e.is(ReceivedComplaint.TYPE),
                e -> complaints.received(e.data(ReceivedComplaint.class, mapper)), clocks::publishChanged);
    }
}
