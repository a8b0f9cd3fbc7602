package io.tousu.followup.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tousu.followup.notification.Receipt;
import io.tousu.followup.notification.Receipts;
import io.tousu.followup.sla.SlaClocks;
import io.tousu.platform.inbox.EventInbox;
import io.tousu.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The SMS and IVR systems' receipts and customers' survey answers, a polled batch per transaction. */
@ApplicationScoped
public class NotificationReceiptsConsumer {
    static final String CHANNEL = "notifications-receipts";

    private final EventInbox inbox;
    private final Receipts receipts;
    private final SlaClocks clocks;
    private final ObjectMapper mapper;

    public NotificationReceiptsConsumer(EventInbox inbox, Receipts receipts, SlaClocks clocks, ObjectMapper mapper) {
        this.inbox = inbox;
        this.receipts = receipts;
        this.clocks = clocks;
        this.mapper = mapper;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        inbox.consumeBatch(CHANNEL, records, e -> e.is(Receipt.TYPE), new EventInbox.BatchHandler() {
            @Override
            public void handle(IncomingEvent event) {
                receipts.received(event.data(Receipt.class, mapper));
            }

            @Override
            public void end() {
                clocks.publishChanged();
            }
        });
    }
}
