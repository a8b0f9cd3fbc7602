package io.tousu.followup.notification;

import io.tousu.followup.callback.CallbackInput;
import io.tousu.followup.callback.Callbacks;
import io.tousu.followup.complaint.ComplaintState;
import io.tousu.followup.complaint.FollowedComplaint;
import io.tousu.followup.complaint.FollowedComplaints;
import io.tousu.platform.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the delivery systems say of the tasks: delivered or failed (a customer's notice is then
 * tried by their next contact), and a customer's SMS answer to the satisfaction survey, which is
 * a callback like any other (L1, by the survey) while the round's callback is still due.
 */
@ApplicationScoped
public class Receipts {
    private static final Logger LOG = Logger.getLogger(Receipts.class);
    static final String SURVEY_AGENT = "sms-survey";
    private static final Map<String, String> ANSWERS = Map.of(
            "1", "SATISFIED", "满意", "SATISFIED",
            "2", "BASICALLY_SATISFIED", "基本满意", "BASICALLY_SATISFIED",
            "3", "UNSATISFIED", "不满意", "UNSATISFIED");

    private final FollowedComplaints complaints;
    private final Notifications notifications;
    private final Callbacks callbacks;
    private final Clock clock;

    public Receipts(FollowedComplaints complaints, Notifications notifications, Callbacks callbacks, Clock clock) {
        this.complaints = complaints;
        this.notifications = notifications;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void received(Receipt receipt) {
        if (receipt.taskId() == null || receipt.status() == null) {
            throw new PoisonMessageException("a notification receipt needs taskId and status");
        }
        NotificationTask task = NotificationTask.findById(receipt.taskId());
        if (task == null) {
            LOG.infof("receipt for unknown task %s ignored", receipt.taskId());
            return;
        }
        FollowedComplaint complaint = complaints.lock(task.complaintId).orElse(null);
        if (complaint == null) {
            return;
        }
        task.updatedAt = clock.instant();
        switch (receipt.status()) {
            case "DELIVERED" -> task.status = NotificationTask.Status.DELIVERED;
            case "FAILED" -> {
                task.status = NotificationTask.Status.FAILED;
                notifications.retry(complaint, task, task.purpose.toCustomer(complaint.number));
            }
            case "ANSWERED" -> {
                task.status = NotificationTask.Status.ANSWERED;
                answered(complaint, task, receipt);
            }
            default -> throw new PoisonMessageException("receipt status " + receipt.status()
                    + " is not DELIVERED, FAILED or ANSWERED");
        }
    }

    private void answered(FollowedComplaint complaint, NotificationTask task, Receipt receipt) {
        Optional<String> satisfaction = Optional.ofNullable(receipt.answer()).map(String::strip).map(ANSWERS::get);
        if (task.purpose != Purpose.SATISFACTION_SURVEY || satisfaction.isEmpty()) {
            LOG.infof("answer to task %s of complaint %s is not a survey answer; kept as the receipt only",
                    task.id, complaint.number);
            return;
        }
        if (complaint.state != ComplaintState.REPLIED) {
            return; // the round's callback was made already (or the complaint moved on): the answer is late
        }
        callbacks.record(complaint, new CallbackInput("L1", true, satisfaction.get(),
                "SMS answer: " + receipt.answer().strip(), SURVEY_AGENT));
    }
}
