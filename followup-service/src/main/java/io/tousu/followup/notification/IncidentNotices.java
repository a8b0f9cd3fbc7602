package io.tousu.followup.notification;

import io.tousu.followup.complaint.ComplaintState;
import io.tousu.followup.complaint.FollowedComplaint;
import io.tousu.followup.complaint.FollowedComplaints;
import io.tousu.platform.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * Emergency notification (紧急事故通知): when an incident is answered, every customer linked to it
 * is told by their preferred contact; the receipts record who was reached and who was not. A
 * customer with no contact known is left to their complaint's owner, who is told so.
 */
@ApplicationScoped
public class IncidentNotices {
    private final FollowedComplaints complaints;
    private final Notifications notifications;

    public IncidentNotices(FollowedComplaints complaints, Notifications notifications) {
        this.complaints = complaints;
        this.notifications = notifications;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void resolved(IncidentAnswer answer) {
        if (answer.complaintId() == null) {
            throw new PoisonMessageException("incident " + answer.incidentId() + " answer names no complaint");
        }
        Optional<FollowedComplaint> found = complaints.lock(answer.complaintId());
        if (found.isEmpty() || found.get().state == ComplaintState.CLOSED) {
            return; // not followed here, or already settled with the customer
        }
        FollowedComplaint c = found.get();
        String text = Purpose.INCIDENT_RESOLVED.toCustomer(c.number);
        if (notifications.toCustomer(c, Purpose.INCIDENT_RESOLVED, text, null).isEmpty()) {
            notifications.toOwner(c, Purpose.INCIDENT_RESOLVED, "无客户联系方式，请人工告知：" + text, null);
        }
    }
}
