package io.tousu.followup.sla;

import io.tousu.followup.calendar.BusinessCalendar;
import io.tousu.platform.messaging.PoisonMessageException;
import io.tousu.platform.time.ServiceZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Opens and reads the deadlines of complaints. */
@ApplicationScoped
public class SlaClocks {
    private final ReplyPolicy reply;
    private final Clock clock;
    private final ZoneId zone;

    public SlaClocks(Clock clock, ServiceZone zone, SlaPack pack) {
        this.reply = new ReplyPolicy(new BusinessCalendar(), pack.reply().amount(), pack.reply().name(), zone.id());
        this.clock = clock;
        this.zone = zone.id();
    }

    /** Starts the reply clock at the first dispatch; a re-dispatch keeps the clock the customer was given. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onDispatched(DispatchedWorkOrder dispatched) {
        if (dispatched.complaintId() == null) {
            throw new PoisonMessageException("dispatch of work order " + dispatched.workOrderId() + " names no complaint");
        }
        if (SlaClock.running(dispatched.complaintId(), ClockKind.REPLY)) {
            return;
        }
        Instant received = dispatched.receivedAt() != null ? dispatched.receivedAt().toInstant() : clock.instant();
        SlaClock c = new SlaClock();
        c.complaintId = dispatched.complaintId();
        c.kind = ClockKind.REPLY;
        c.name = reply.describe();
        c.startedAt = received;
        c.dueAt = reply.dueAt(received);
        c.persist();
    }

    public List<Deadline> deadlines(UUID complaintId) {
        Instant now = clock.instant();
        return SlaClock.of(complaintId).stream()
                .map(c -> new Deadline(c.kind, c.name, c.startedAt.atZone(zone).toOffsetDateTime(),
                        c.dueAt.atZone(zone).toOffsetDateTime(), c.stateAt(now)))
                .toList();
    }
}
