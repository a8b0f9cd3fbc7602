package io.tousu.intake.complaint;

import io.micrometer.core.instrument.MeterRegistry;
import io.tousu.intake.events.ComplaintRejected;
import io.tousu.intake.submission.ComplaintSubmission;
import io.tousu.platform.inbox.Inbox;
import io.tousu.platform.outbox.Outbox;
import io.tousu.platform.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Clock;
import java.util.List;

/** Publishes a rejected submission once per source record, however often it is redelivered. */
@ApplicationScoped
public class Rejections {
    /** The inbox's name for streamed submissions: the channel they arrive on, as earlier releases recorded it. */
    private static final String INBOX = "complaints-submitted";

    private final Inbox inbox;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry registry;

    public Rejections(Inbox inbox, Outbox outbox, Clock clock, MeterRegistry registry) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.clock = clock;
        this.registry = registry;
    }

    @Transactional
    public void reject(ConsumerRecord<String, String> record, ComplaintSubmission parsed, List<FieldError> errors) {
        String source = record.topic() + "/" + record.partition() + "/" + record.offset();
        if (!inbox.firstDelivery(INBOX, source)) {
            return;
        }
        String channelRef = parsed != null && parsed.channelRef() != null ? parsed.channelRef() : record.key();
        outbox.add(ComplaintRejected.TOPIC, channelRef == null ? source : channelRef, ComplaintRejected.TYPE,
                new ComplaintRejected(parsed == null ? null : parsed.channel(), channelRef, errors, record.value(),
                        record.topic(), record.partition(), record.offset(), clock.instant()));
        registry.counter("complaints_rejected", "source", "stream").increment();
    }
}
