package io.tousu.followup.callback;

import io.tousu.followup.complaint.ComplaintState;
import io.tousu.followup.complaint.FollowedComplaint;
import io.tousu.followup.complaint.FollowedComplaints;
import io.tousu.followup.events.FollowupEvents;
import io.tousu.followup.sla.SlaPack;
import io.tousu.platform.outbox.Outbox;
import io.tousu.platform.problem.InvalidInputException;
import io.tousu.platform.problem.StateConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The satisfaction loop after each reply. Satisfied or basically satisfied closes the complaint;
 * unsatisfied reopens it for another round, as often as it takes (routing sends the first reopening
 * back at L2 and later ones at L3); a customer not reached after the pack's number of calls
 * closes it as unreachable.
 */
@ApplicationScoped
public class Callbacks {
    private final FollowedComplaints complaints;
    private final Outbox outbox;
    private final Clock clock;
    private final int unreachedAttempts;

    public Callbacks(FollowedComplaints complaints, Outbox outbox, Clock clock, SlaPack pack) {
        this.complaints = complaints;
        this.outbox = outbox;
        this.clock = clock;
        this.unreachedAttempts = pack.callback().unreachedAttempts();
    }

    /** What the callback led to. */
    public enum Outcome { RETRY, CLOSED, REOPENED }

    public record Recorded(long id, UUID complaintId, int round, String level, boolean reached, String satisfaction,
                           Outcome outcome, Instant recordedAt) {
    }

    @Transactional
    public Recorded record(UUID complaintId, CallbackInput input) {
        if (!input.errors().isEmpty()) {
            throw new InvalidInputException(input.errors());
        }
        FollowedComplaint complaint = complaints.find(complaintId)
                .orElseThrow(() -> new NotFoundException("No dispatched complaint " + complaintId));
        if (complaint.state == ComplaintState.CLOSED) {
            throw new StateConflictException("Complaint " + complaint.number + " is closed (" + complaint.closedReason + ")");
        }
        if (complaint.state != ComplaintState.REPLIED) {
            throw new StateConflictException("Complaint " + complaint.number + " has not been replied to in round "
                    + complaint.round + ": the callback follows the reply");
        }
        Instant now = clock.instant();
        Callback callback = new Callback();
        callback.complaintId = complaintId;
        callback.round = complaint.round;
        callback.level = input.level();
        callback.reached = input.reached();
        callback.satisfaction = input.satisfaction();
        callback.comment = input.comment();
        callback.agentId = input.agentId();
        callback.recordedAt = now;
        callback.persist();
        String key = complaintId.toString();
        outbox.add(FollowupEvents.TOPIC, key, FollowupEvents.CallbackRecorded.TYPE, new FollowupEvents.CallbackRecorded(
                complaintId, callback.level, callback.reached, callback.satisfaction, callback.round, callback.agentId, now));
        Outcome outcome = next(complaint, input, now);
        complaint.updatedAt = now;
        return new Recorded(callback.id, complaintId, callback.round, callback.level, callback.reached,
                callback.satisfaction, outcome, now);
    }

    private Outcome next(FollowedComplaint complaint, CallbackInput input, Instant now) {
        String key = complaint.complaintId.toString();
        if (!input.reached()) {
            complaint.unreachedCalls++;
            if (complaint.unreachedCalls < unreachedAttempts) {
                return Outcome.RETRY;
            }
            complaints.close(complaint, "UNREACHABLE", now);
            return Outcome.CLOSED;
        }
        if (input.satisfied()) {
            complaints.close(complaint, "SATISFIED", now);
            return Outcome.CLOSED;
        }
        int round = complaint.round;
        complaint.round++;
        complaint.unreachedCalls = 0;
        complaint.state = ComplaintState.DISPATCHED;
        complaint.repliedAt = null;
        String reason = input.comment() == null || input.comment().isBlank()
                ? "customer unsatisfied in round " + round : input.comment();
        outbox.add(FollowupEvents.TOPIC, key, FollowupEvents.ComplaintReopened.TYPE,
                new FollowupEvents.ComplaintReopened(complaint.complaintId, reason, complaint.round, now));
        return Outcome.REOPENED;
    }
}
