package io.tousu.followup.complaint;

import io.tousu.followup.escalation.CompensationAuthority;
import io.tousu.followup.events.FollowupEvents;
import io.tousu.followup.sla.DispatchedWorkOrder;
import io.tousu.followup.sla.SlaPack;
import io.tousu.platform.outbox.Outbox;
import io.tousu.platform.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Keeps each complaint's place in the loop from routing's events. */
@ApplicationScoped
public class FollowedComplaints {
    private final Clock clock;
    private final Outbox outbox;
    private final CompensationAuthority authority;

    public FollowedComplaints(Clock clock, Outbox outbox, SlaPack pack) {
        this.clock = clock;
        this.outbox = outbox;
        this.authority = new CompensationAuthority(pack.compensationAuthority());
    }

    /** The first dispatch starts following the complaint; each later one (re)sets the level handling it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dispatched(DispatchedWorkOrder dispatched) {
        FollowedComplaint c = FollowedComplaint.findById(dispatched.complaintId());
        boolean first = c == null;
        if (first) {
            c = new FollowedComplaint();
            c.complaintId = dispatched.complaintId();
            c.number = dispatched.number() == null ? "" : dispatched.number();
            c.state = ComplaintState.DISPATCHED;
        }
        if (dispatched.escalationLevel() != null) {
            c.escalationLevel = dispatched.escalationLevel();
        }
        c.updatedAt = clock.instant();
        if (first) {
            c.persist();
        }
    }

    /** The department's result is in: the complaint waits for its reply to the customer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resultIn(DepartmentResult result) {
        if (result.complaintId() == null) {
            throw new PoisonMessageException("result of work order " + result.workOrderId() + " names no complaint");
        }
        FollowedComplaint c = FollowedComplaint.findById(result.complaintId());
        if (c == null) {
            return; // not dispatched through this followup (another deployment's, or a test's)
        }
        c.resultAt = result.submittedAt() != null ? result.submittedAt() : clock.instant();
        c.updatedAt = clock.instant();
        if (c.state == ComplaintState.CLOSED) {
            return; // a late answer changes nothing the customer has settled
        }
        Optional<Integer> approver = authority.approverFor(result.compensationAmount(), c.escalationLevel);
        if (approver.isPresent()) {
            // Not the customer's answer yet: the level that may grant it must take it over first.
            String reason = "compensation of " + result.compensationAmount().toPlainString() + " CNY exceeds L"
                    + c.escalationLevel + "'s authority"
                    + authority.limitOf(c.escalationLevel).map(l -> " of " + l.toPlainString() + " CNY").orElse("");
            outbox.add(FollowupEvents.TOPIC, c.complaintId.toString(), FollowupEvents.EscalationRequested.TYPE,
                    new FollowupEvents.EscalationRequested(c.complaintId, "L" + approver.get(), reason, c.updatedAt));
            c.state = ComplaintState.DISPATCHED;
            return;
        }
        if (c.state == ComplaintState.DISPATCHED) {
            c.state = ComplaintState.RESULT_IN;
        }
    }

    /** Closes the complaint for good ({@code SATISFIED}, {@code UNREACHABLE}, {@code WITHDRAWN}) and says so. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(FollowedComplaint complaint, String reason, Instant at) {
        complaint.state = ComplaintState.CLOSED;
        complaint.closedReason = reason;
        complaint.closedAt = at;
        complaint.updatedAt = at;
        outbox.add(FollowupEvents.TOPIC, complaint.complaintId.toString(), FollowupEvents.ComplaintClosed.TYPE,
                new FollowupEvents.ComplaintClosed(complaint.complaintId, reason, complaint.round, at));
    }

    public Optional<FollowedComplaint> find(UUID complaintId) {
        return FollowedComplaint.findByIdOptional(complaintId);
    }
}
