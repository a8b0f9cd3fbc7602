package io.tousu.followup.sla;

import io.tousu.followup.calendar.BusinessCalendar;
import io.tousu.followup.calendar.Calendars;
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
    private final String pack;
    private final Calendars calendars;
    private final Clock clock;
    private final ZoneId zone;

    public SlaClocks(Clock clock, ServiceZone zone, SlaPack pack, Calendars calendars) {
        this.reply = new ReplyPolicy(pack.reply().amount(), pack.reply().name(), zone.id());
        this.pack = pack.name();
        this.calendars = calendars;
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
        ReplyPolicy.Due due = reply.dueAt(received, calendars.current());
        if (BusinessCalendar.MISSING.equals(due.calendarVersion())) {
            calendars.computedWithoutCalendar();
        }
        c.dueAt = due.at();
        c.pack = pack;
        c.calendarVersion = due.calendarVersion();
        c.persist();
    }

    /** Stops the complaint's running clock of this kind at {@code at}: met if in time, breached if late. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stop(UUID complaintId, ClockKind kind, Instant at) {
        SlaClock.<SlaClock>find("complaintId = ?1 and kind = ?2 and metAt is null", complaintId, kind)
                .firstResultOptional().ifPresent(c -> c.metAt = at);
    }

    public List<Deadline> deadlines(UUID complaintId) {
        Instant now = clock.instant();
        return SlaClock.of(complaintId).stream()
                .map(c -> new Deadline(c.kind, c.name, c.startedAt.atZone(zone).toOffsetDateTime(),
                        c.dueAt.atZone(zone).toOffsetDateTime(), c.stateAt(now), c.pack, c.calendarVersion))
                .toList();
    }
}
