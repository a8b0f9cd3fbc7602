package io.tousu.followup.callback;

import io.tousu.followup.complaint.ComplaintState;
import io.tousu.followup.complaint.FollowedComplaint;
import io.tousu.followup.complaint.FollowedComplaints;
import io.tousu.followup.events.FollowupEvents;
import io.tousu.followup.sla.SlaClocks;
import io.tousu.followup.sla.SlaPack;
import io.tousu.platform.outbox.Outbox;
import io.tousu.platform.problem.InvalidInputException;
import io.tousu.platform.problem.StateConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The satisfaction loop after each reply. Satisfied or basically satisfied closes the complaint;
 * unsatisfied reopens it for another round, as often as it takes (routing sends the first reopening
 * back at L2 and later ones at L3); a customer not reached is called again after the pack's delay,
 * and after its number of calls the complaint closes as unreachable. A closed complaint sampled for
 * supervision takes one more callback, at L3, and reopens if that one finds the customer unsatisfied.
 */
@ApplicationScoped
public class Callbacks {
    private final FollowedComplaints complaints;
    private final SlaClocks clocks;
    private final Outbox outbox;
    private final Clock clock;
    private final int unreachedAttempts;
    private final Duration retryAfter;

    public Callbacks(FollowedComplaints complaints, SlaClocks clocks, Outbox outbox, Clock clock, SlaPack pack) {
        this.complaints = complaints;
        this.clocks = clocks;
        this.outbox = outbox;
        this.clock = clock;
        this.unreachedAttempts = pack.callback().unreachedAttempts();
        this.retryAfter = pack.callback().retryAfter();
    }

    /** What the callback led to. */
    public enum Outcome { RETRY, CLOSED, REOPENED, CONFIRMED }

    public record Recorded(long id, UUID complaintId, int round, String level, boolean reached, String satisfaction,
                           Outcome outcome, Instant recordedAt) {
    }

    @Transactional
    public Recorded record(UUID complaintId, CallbackInput input) {
        if (!input.errors().isEmpty()) {
            throw new InvalidInputException(input.errors());
        }
        Recorded recorded = record(complaints.locked(complaintId), input);
        clocks.publishChanged();
        return recorded;
    }

    /** Records a callback on a complaint the caller has locked; 409 when none is due. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Recorded record(FollowedComplaint complaint, CallbackInput input) {
        boolean supervisory = complaint.state == ComplaintState.CLOSED && "PENDING".equals(complaint.supervisory);
        if (complaint.state == ComplaintState.CLOSED && !supervisory) {
            throw new StateConflictException("Complaint " + complaint.number + " is closed (" + complaint.closedReason + ")");
        }
        if (supervisory && !"L3".equals(input.level())) {
            throw new StateConflictException("Complaint " + complaint.number + " is closed; the one callback it may "
                    + "still take is the supervisory one, at L3");
        }
        if (!supervisory && complaint.state != ComplaintState.REPLIED) {
            throw new StateConflictException("Complaint " + complaint.number + " has not been replied to in round "
                    + complaint.round + ": the callback follows the reply");
        }
        Instant now = clock.instant();
        Callback callback = new Callback();
        callback.complaintId = complaint.complaintId;
        callback.round = complaint.round;
        callback.level = input.level();
        callback.reached = input.reached();
        callback.satisfaction = input.satisfaction();
        callback.comment = input.comment();
        callback.agentId = input.agentId();
        callback.recordedAt = now;
        callback.persist();
        outbox.add(FollowupEvents.TOPIC, complaint.complaintId.toString(), FollowupEvents.CallbackRecorded.TYPE,
                new FollowupEvents.CallbackRecorded(complaint.complaintId, callback.level, callback.reached,
                        callback.satisfaction, callback.round, callback.agentId, now));
        Outcome outcome = supervisory ? supervised(complaint, input, now) : next(complaint, input, now);
        complaint.updatedAt = now;
        return new Recorded(callback.id, complaint.complaintId, callback.round, callback.level, callback.reached,
                callback.satisfaction, outcome, now);
    }

    private Outcome next(FollowedComplaint complaint, CallbackInput input, Instant now) {
        if (!input.reached()) {
            complaint.unreachedCalls++;
            if (complaint.unreachedCalls < unreachedAttempts) {
                complaints.callbackDue(complaint, now.plus(retryAfter));
                return Outcome.RETRY;
            }
            complaints.close(complaint, "UNREACHABLE", now);
            return Outcome.CLOSED;
        }
        if (input.satisfied()) {
            complaints.close(complaint, "SATISFIED", now);
            return Outcome.CLOSED;
        }
        complaints.reopen(complaint, reason(complaint, input), now);
        return Outcome.REOPENED;
    }

    /** The supervisor's callback: unsatisfied reopens; otherwise (or unreached) the close stands. */
    private Outcome supervised(FollowedComplaint complaint, CallbackInput input, Instant now) {
        complaint.supervisory = "DONE";
        if (input.reached() && !input.satisfied()) {
            complaints.reopen(complaint, "supervisory callback: " + reason(complaint, input), now);
            return Outcome.REOPENED;
        }
        return Outcome.CONFIRMED;
    }

    private static String reason(FollowedComplaint complaint, CallbackInput input) {
        return input.comment() == null || input.comment().isBlank()
                ? "customer unsatisfied in round " + complaint.round : input.comment();
    }
}
