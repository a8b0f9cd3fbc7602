package io.tousu.followup.complaint;

import io.tousu.followup.sla.SlaClocks;
import io.tousu.platform.problem.FieldError;
import io.tousu.platform.problem.InvalidInputException;
import io.tousu.platform.problem.StateConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The customer withdraws the complaint (撤诉): it closes as {@code WITHDRAWN}, its clocks stop
 * (nothing is owed any more), and routing cancels its open work orders.
 */
@ApplicationScoped
public class Withdrawals {
    private final FollowedComplaints complaints;
    private final SlaClocks clocks;
    private final Clock clock;

    public Withdrawals(FollowedComplaints complaints, SlaClocks clocks, Clock clock) {
        this.complaints = complaints;
        this.clocks = clocks;
        this.clock = clock;
    }

    /** How the customer said so: the channel and the agent who took it. */
    public record Withdrawal(String channel, String agentId, String reason) {
        List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            if (channel == null || channel.isBlank() || channel.length() > 20) {
                errors.add(new FieldError("channel", "must name the channel the customer withdrew by"));
            }
            if (agentId == null || agentId.isBlank() || agentId.length() > 100) {
                errors.add(new FieldError("agentId", "must be 1 to 100 characters"));
            }
            if (reason != null && reason.length() > 2000) {
                errors.add(new FieldError("reason", "must be at most 2000 characters"));
            }
            return errors;
        }
    }

    public record Withdrawn(UUID complaintId, String closedReason, Instant closedAt) {
    }

    @Transactional
    public Withdrawn withdraw(UUID complaintId, Withdrawal withdrawal) {
        if (!withdrawal.errors().isEmpty()) {
            throw new InvalidInputException(withdrawal.errors());
        }
        FollowedComplaint complaint = complaints.locked(complaintId);
        if (complaint.state == ComplaintState.CLOSED) {
            throw new StateConflictException("Complaint " + complaint.number + " is already closed ("
                    + complaint.closedReason + ")");
        }
        Instant now = clock.instant();
        complaints.close(complaint, "WITHDRAWN", now);
        clocks.publishChanged();
        return new Withdrawn(complaintId, complaint.closedReason, now);
    }
}
