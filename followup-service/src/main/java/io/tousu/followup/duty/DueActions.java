package io.tousu.followup.duty;

import io.tousu.followup.complaint.ComplaintState;
import io.tousu.followup.complaint.FollowedComplaint;
import io.tousu.followup.complaint.FollowedComplaints;
import io.tousu.followup.events.FollowupEvents;
import io.tousu.followup.notification.NotificationTask;
import io.tousu.followup.notification.Notifications;
import io.tousu.followup.notification.Purpose;
import io.tousu.followup.sla.OnDue;
import io.tousu.followup.sla.SlaClock;
import io.tousu.followup.sla.SlaClocks;
import io.tousu.followup.sla.SlaPack;
import io.tousu.followup.timer.TimerAction;
import io.tousu.followup.timer.Timers;
import io.tousu.platform.outbox.Outbox;
import io.tousu.platform.time.ServiceZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * What falls due, done in one transaction per claimed batch of timers: a clock's warning tells
 * its owner (a promise at risk: contact the customer first); a progress-notice clock tells the
 * customer ({@code ProgressNotified}); any other clock still running at its due time is breached
 * ({@code SlaBreached}, and {@code EscalationRequested} one level up if the pack says so); a due
 * callback is put before the agents. A timer whose clock stopped, paused or moved meanwhile does
 * nothing: the clock's own times decide.
 */
@ApplicationScoped
public class DueActions {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int TOP_LEVEL = 4;

    private final Timers timers;
    private final FollowedComplaints complaints;
    private final SlaClocks clocks;
    private final Notifications notifications;
    private final Outbox outbox;
    private final Clock clock;
    private final ZoneId zone;

    public DueActions(Timers timers, FollowedComplaints complaints, SlaClocks clocks, Notifications notifications,
                      Outbox outbox, Clock clock, ServiceZone zone) {
        this.timers = timers;
        this.complaints = complaints;
        this.clocks = clocks;
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
        this.zone = zone.id();
    }

    /** Claims and fires up to {@code limit} due timers; returns how many it claimed. */
    @Transactional
    public int fireDue(int limit) {
        Instant now = clock.instant();
        List<Timers.Due> due = timers.claim(now, limit);
        if (due.isEmpty()) {
            return 0;
        }
        complaints.prepare(due.stream().map(Timers.Due::complaintId).toList(), List.of());
        for (Timers.Due timer : due) {
            FollowedComplaint complaint = complaints.lock(timer.complaintId()).orElse(null);
            if (complaint == null) {
                continue;
            }
            switch (timer.action()) {
                case WARN, DUE -> clocks.clocksOf(timer.complaintId()).stream()
                        .filter(c -> c.kind.equals(timer.subject()) && c.running() && c.pausedSince == null)
                        .findFirst()
                        .ifPresent(c -> {
                            if (timer.action() == TimerAction.WARN) {
                                warn(complaint, c, timer.dueAt(), now);
                            } else {
                                due(complaint, c, timer.dueAt(), now);
                            }
                        });
                case CALLBACK -> callbackDue(complaint, timer, now);
            }
        }
        clocks.publishChanged();
        return due.size();
    }

    private void warn(FollowedComplaint complaint, SlaClock c, Instant timerAt, Instant now) {
        if (c.warnedAt != null || !same(c.warnAt, timerAt)) {
            return;
        }
        c.warnedAt = now;
        if (SlaPack.PROMISE.equals(c.kind)) {
            notifications.toOwner(complaint, Purpose.PROMISE_AT_RISK, "投诉 " + complaint.number + " 承诺于 "
                    + shown(c.dueAt) + " 答复客户，即将到期：请先联系客户说明情况，并约定新的答复时间。", c.dueAt);
        } else {
            notifications.toOwner(complaint, Purpose.CLOCK_WARNING, "投诉 " + complaint.number + "「" + c.name
                    + "」将于 " + shown(c.dueAt) + " 到期。", c.dueAt);
        }
        clocks.changed(complaint.complaintId);
    }

    private void due(FollowedComplaint complaint, SlaClock c, Instant timerAt, Instant now) {
        if (!same(c.dueAt, timerAt)) {
            return;
        }
        String key = complaint.complaintId.toString();
        if (c.onDue == OnDue.NOTIFY_PROGRESS) {
            NotificationTask task = notifications.toCustomer(complaint, Purpose.PROGRESS_NOTICE,
                    Purpose.PROGRESS_NOTICE.toCustomer(complaint.number), null).orElse(null);
            if (task == null) {
                // No contact known: the notice stays owed, on the agents' list, and the owner is told.
                notifications.toOwner(complaint, Purpose.PROGRESS_NOTICE, "投诉 " + complaint.number
                        + " 受理已满时限仍未解决，且无客户联系方式：请人工告知客户处理进展。", null);
                return;
            }
            c.firedAt = now;
            outbox.add(FollowupEvents.TOPIC, key, FollowupEvents.ProgressNotified.TYPE,
                    new FollowupEvents.ProgressNotified(complaint.complaintId, task.channel.name(), task.id, c.dueAt, now));
        } else {
            c.firedAt = now;
            outbox.add(FollowupEvents.TOPIC, key, FollowupEvents.SlaBreached.TYPE,
                    new FollowupEvents.SlaBreached(complaint.complaintId, c.kind, c.name, c.round, c.dueAt, now));
            if (c.onDue == OnDue.ESCALATE && complaint.state != ComplaintState.CLOSED && complaint.escalationLevel < TOP_LEVEL) {
                outbox.add(FollowupEvents.TOPIC, key, FollowupEvents.EscalationRequested.TYPE,
                        new FollowupEvents.EscalationRequested(complaint.complaintId, "L" + (complaint.escalationLevel + 1),
                                c.name + " breached (due " + shown(c.dueAt) + ")", now));
            }
        }
        clocks.changed(complaint.complaintId);
    }

    private void callbackDue(FollowedComplaint complaint, Timers.Due timer, Instant now) {
        boolean current = complaint.state == ComplaintState.REPLIED
                && Integer.toString(complaint.round).equals(timer.subject()) && same(complaint.callbackDueAt, timer.dueAt());
        if (current) {
            notifications.toOwner(complaint, Purpose.CALLBACK_DUE, "投诉 " + complaint.number + " 第" + complaint.round
                    + "轮答复后的回访已到期" + (complaint.unreachedCalls > 0 ? "（前" + complaint.unreachedCalls
                    + "次未联系上）" : "") + "。", now);
        }
    }

    /** Database time stamps keep microseconds. */
    private static boolean same(Instant a, Instant b) {
        return a != null && b != null && a.truncatedTo(ChronoUnit.MICROS).equals(b.truncatedTo(ChronoUnit.MICROS));
    }

    private String shown(Instant at) {
        return SHOWN.format(at.atZone(zone));
    }
}
