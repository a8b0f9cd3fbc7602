package io.tousu.followup.adjust;

import io.tousu.followup.complaint.ComplaintState;
import io.tousu.followup.complaint.FollowedComplaint;
import io.tousu.followup.complaint.FollowedComplaints;
import io.tousu.followup.sla.SlaClock;
import io.tousu.followup.sla.SlaClocks;
import io.tousu.platform.problem.FieldError;
import io.tousu.platform.problem.InvalidInputException;
import io.tousu.platform.problem.StateConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The 12345 rules' adjustments of a complaint's clocks: a pause while waiting for the customer
 * (the working-day clocks stand still), an extension of one clock (requested before it expires,
 * moving it once a supervisor approves), and a new promise told to the customer; and a pause
 * while the department's order is suspended (挂起).
 */
@ApplicationScoped
public class ClockAdjustments {
    private final FollowedComplaints complaints;
    private final SlaClocks clocks;
    private final Clock clock;

    public ClockAdjustments(FollowedComplaints complaints, SlaClocks clocks, Clock clock) {
        this.complaints = complaints;
        this.clocks = clocks;
        this.clock = clock;
    }

    public record Paused(long id, UUID complaintId, String reason, String startedBy, Instant startedAt, String endedBy,
                         Instant endedAt, List<String> clocks) {
    }

    public record Extended(long id, UUID complaintId, String kind, Instant dueAt, String reason, String requestedBy,
                           Instant requestedAt, ClockExtension.Status status, String decidedBy, Instant decidedAt) {
        static Extended of(ClockExtension e) {
            return new Extended(e.id, e.complaintId, e.kind, e.dueAt, e.reason, e.requestedBy, e.requestedAt, e.status,
                    e.decidedBy, e.decidedAt);
        }
    }

    public record Promised(UUID complaintId, String kind, Instant startedAt, Instant dueAt, Instant warnAt, int revision,
                           String agentId, String note) {
    }

    @Transactional
    public Paused pause(UUID complaintId, AdjustmentInput.Pause input) {
        valid(input.errors());
        FollowedComplaint complaint = open(complaintId);
        ClockPause current = current(complaintId);
        if (current != null) {
            throw new StateConflictException("Complaint " + complaint.number + " is paused already, since "
                    + current.startedAt + " (" + current.reason + ")");
        }
        Instant now = clock.instant();
        ClockPause pause = startPause(complaintId, input.reason(), input.agentId(), now);
        List<String> paused = clocks.pause(complaintId, now);
        clocks.publishChanged();
        return new Paused(pause.id, complaintId, pause.reason, pause.startedBy, now, null, null, paused);
    }

    /**
     * A department suspended its order (挂起): the complaint's pausable clocks stand still as for a
     * customer's pause, unless a pause runs already (that one keeps them still). The caller's
     * batch publishes the changed clocks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void departmentWaits(DepartmentWait wait) {
        FollowedComplaint complaint = complaints.lock(wait.complaintId()).orElse(null);
        if (complaint == null || complaint.state == ComplaintState.CLOSED || current(wait.complaintId()) != null) {
            return;
        }
        Instant now = clock.instant();
        startPause(wait.complaintId(), "work order suspended by " + wait.department() + ": " + wait.reason(), wait.by(), now);
        clocks.pause(wait.complaintId(), now);
    }

    /** The department resumed the order: the pause its suspension started ends, and the clocks move on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void departmentResumes(DepartmentWait wait) {
        if (complaints.lock(wait.complaintId()).isEmpty()) {
            return;
        }
        ClockPause pause = current(wait.complaintId());
        if (pause == null || !wait.by().equals(pause.startedBy)) {
            return; // not paused by this suspension (a customer's pause keeps running)
        }
        Instant now = clock.instant();
        pause.endedAt = now;
        pause.endedBy = wait.by();
        clocks.resume(wait.complaintId(), now);
    }

    private static ClockPause current(UUID complaintId) {
        return ClockPause.find("complaintId = ?1 and endedAt is null", complaintId).firstResult();
    }

    private static ClockPause startPause(UUID complaintId, String reason, String by, Instant at) {
        ClockPause pause = new ClockPause();
        pause.complaintId = complaintId;
        pause.reason = reason;
        pause.startedBy = by;
        pause.startedAt = at;
        pause.persist();
        return pause;
    }

    @Transactional
    public Paused resume(UUID complaintId, AdjustmentInput.Resume input) {
        valid(input.errors());
        FollowedComplaint complaint = complaints.locked(complaintId);
        ClockPause pause = ClockPause.<ClockPause>find("complaintId = ?1 and endedAt is null", complaintId)
                .firstResultOptional()
                .orElseThrow(() -> new StateConflictException("Complaint " + complaint.number + " is not paused"));
        Instant now = clock.instant();
        pause.endedAt = now;
        pause.endedBy = input.agentId();
        clocks.resume(complaintId, now);
        clocks.publishChanged();
        return new Paused(pause.id, complaintId, pause.reason, pause.startedBy, pause.startedAt, pause.endedBy, now,
                List.of());
    }

    /** Requests an extension; one a supervisor requests is approved at once. */
    @Transactional
    public Extended requestExtension(UUID complaintId, AdjustmentInput.Extension input, boolean bySupervisor) {
        valid(input.errors());
        FollowedComplaint complaint = open(complaintId);
        SlaClock c = running(complaint, input.kind());
        Instant now = clock.instant();
        Instant dueAt = input.dueAt().toInstant();
        if (!now.isBefore(c.dueAt)) {
            throw new StateConflictException("The " + c.kind + " clock of complaint " + complaint.number
                    + " expired at " + c.dueAt + ": an extension must be requested before it does");
        }
        if (!dueAt.isAfter(c.dueAt)) {
            throw new InvalidInputException("dueAt", "must be after the clock's current due time " + c.dueAt);
        }
        ClockExtension e = new ClockExtension();
        e.complaintId = complaintId;
        e.clockId = c.id;
        e.kind = c.kind;
        e.dueAt = dueAt;
        e.reason = input.reason();
        e.requestedBy = input.requestedBy();
        e.requestedAt = now;
        e.status = ClockExtension.Status.REQUESTED;
        e.persist();
        if (bySupervisor) {
            approve(e, c, input.requestedBy(), now);
        }
        return Extended.of(e);
    }

    /** A supervisor decides: approval moves the clock, even past its old due time, as it was asked for in time. */
    @Transactional
    public Extended decide(UUID complaintId, long extensionId, AdjustmentInput.Decision input) {
        valid(input.errors());
        FollowedComplaint complaint = complaints.locked(complaintId);
        ClockExtension e = ClockExtension.<ClockExtension>findByIdOptional(extensionId)
                .filter(x -> x.complaintId.equals(complaintId))
                .orElseThrow(() -> new NotFoundException("No extension " + extensionId + " of complaint " + complaintId));
        if (e.status != ClockExtension.Status.REQUESTED) {
            throw new StateConflictException("Extension " + extensionId + " was decided already: " + e.status);
        }
        Instant now = clock.instant();
        if (!input.approved()) {
            e.status = ClockExtension.Status.REJECTED;
            e.decidedBy = input.supervisorId();
            e.decidedAt = now;
            return Extended.of(e);
        }
        SlaClock c = SlaClock.findById(e.clockId);
        // A request made in time may be decided after the old due time: a breach recorded while it
        // waited stays in the record, and the clock runs again to its new due time. A stopped
        // clock (met) or a closed complaint has nothing left to extend.
        if (c == null || c.metAt != null || complaint.state == ComplaintState.CLOSED) {
            throw new StateConflictException("The " + e.kind + " clock of complaint " + complaint.number
                    + " is no longer running: there is nothing to extend");
        }
        c.firedAt = null;
        approve(e, c, input.supervisorId(), now);
        return Extended.of(e);
    }

    private void approve(ClockExtension e, SlaClock c, String supervisor, Instant now) {
        e.status = ClockExtension.Status.APPROVED;
        e.decidedBy = supervisor;
        e.decidedAt = now;
        clocks.move(c, e.dueAt);
        clocks.publishChanged();
    }

    /** A new time told to the customer replaces the promise clock; who told it and why is kept. */
    @Transactional
    public Promised promise(UUID complaintId, AdjustmentInput.Promise input) {
        valid(input.errors());
        FollowedComplaint complaint = open(complaintId);
        Instant now = clock.instant();
        Instant dueAt = input.dueAt().toInstant();
        if (!dueAt.isAfter(now)) {
            throw new InvalidInputException("dueAt", "must be in the future");
        }
        CustomerPromise promise = new CustomerPromise();
        promise.complaintId = complaintId;
        promise.dueAt = dueAt;
        promise.agentId = input.agentId();
        promise.note = input.note();
        promise.promisedAt = now;
        promise.persist();
        SlaClock c = clocks.promise(complaintId, dueAt, now, complaint.round);
        clocks.publishChanged();
        return new Promised(complaintId, c.kind, c.startedAt, c.dueAt, c.warnAt, c.revision, promise.agentId,
                promise.note);
    }

    private FollowedComplaint open(UUID complaintId) {
        FollowedComplaint complaint = complaints.locked(complaintId);
        if (complaint.state == ComplaintState.CLOSED) {
            throw new StateConflictException("Complaint " + complaint.number + " is closed (" + complaint.closedReason + ")");
        }
        return complaint;
    }

    private SlaClock running(FollowedComplaint complaint, String kind) {
        List<SlaClock> ofKind = clocks.clocksOf(complaint.complaintId).stream().filter(c -> c.kind.equals(kind)).toList();
        if (ofKind.isEmpty()) {
            throw new NotFoundException("Complaint " + complaint.number + " has no " + kind + " clock");
        }
        return ofKind.stream().filter(SlaClock::running).findFirst().orElseThrow(() -> new StateConflictException(
                "The " + kind + " clock of complaint " + complaint.number + " has stopped or run out"));
    }

    private static void valid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
