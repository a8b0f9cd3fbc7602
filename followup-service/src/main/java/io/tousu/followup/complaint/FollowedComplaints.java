package io.tousu.followup.complaint;

import io.tousu.followup.sla.DispatchedWorkOrder;
import io.tousu.platform.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Keeps each complaint's place in the loop from routing's events. */
@ApplicationScoped
public class FollowedComplaints {
    private final Clock clock;

    public FollowedComplaints(Clock clock) {
        this.clock = clock;
    }

    /** The first dispatch starts following the complaint; a re-dispatch changes nothing here. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dispatched(DispatchedWorkOrder dispatched) {
        if (FollowedComplaint.findById(dispatched.complaintId()) != null) {
            return;
        }
        FollowedComplaint c = new FollowedComplaint();
        c.complaintId = dispatched.complaintId();
        c.number = dispatched.number() == null ? "" : dispatched.number();
        c.state = ComplaintState.DISPATCHED;
        c.updatedAt = clock.instant();
        c.persist();
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
        if (c.state == ComplaintState.DISPATCHED) {
            c.state = ComplaintState.RESULT_IN;
        }
        c.updatedAt = clock.instant();
    }

    public Optional<FollowedComplaint> find(UUID complaintId) {
        return FollowedComplaint.findByIdOptional(complaintId);
    }
}
