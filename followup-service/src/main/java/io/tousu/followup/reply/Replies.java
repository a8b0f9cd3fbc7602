package io.tousu.followup.reply;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.followup.complaint.ComplaintState;
import io.tousu.followup.complaint.FollowedComplaint;
import io.tousu.followup.complaint.FollowedComplaints;
import io.tousu.followup.events.CustomerReplied;
import io.tousu.followup.events.FollowupEvents;
import io.tousu.followup.notification.Notifications;
import io.tousu.followup.notification.Purpose;
import io.tousu.followup.sla.SlaClocks;
import io.tousu.platform.outbox.Outbox;
import io.tousu.platform.policy.PolicyFiles;
import io.tousu.platform.problem.FieldError;
import io.tousu.platform.problem.InvalidInputException;
import io.tousu.platform.problem.StateConflictException;
import io.tousu.platform.problem.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Answers the customer once the department's result is in: the message is checked against the
 * forbidden phrases (sent only when the agent acknowledges them, and then recorded), the clocks
 * stopped by a reply stop, {@code CustomerReplied} goes out, the customer gets the satisfaction
 * survey by SMS, and a referral's final answer goes to the referring body (办结回复).
 */
@ApplicationScoped
public class Replies {
    static final String PHRASES = "policy/phrases/forbidden.json";
    static final String FORBIDDEN_PHRASES = "/problems/forbidden-phrases";

    private final FollowedComplaints complaints;
    private final Notifications notifications;
    private final SlaClocks clocks;
    private final Outbox outbox;
    private final Clock clock;
    private final ForbiddenPhrases phrases;

    public Replies(FollowedComplaints complaints, Notifications notifications, SlaClocks clocks, Outbox outbox,
                   Clock clock, ObjectMapper mapper) {
        this.complaints = complaints;
        this.notifications = notifications;
        this.clocks = clocks;
        this.outbox = outbox;
        this.clock = clock;
        this.phrases = new ForbiddenPhrases(PolicyFiles.read(mapper, PHRASES, ForbiddenPhrases.File.class).phrases());
    }

    /** A reply as stored: what the agent sent and which warnings they acknowledged. */
    public record Sent(long id, UUID complaintId, String agentId, String channel, Instant repliedAt, List<String> warnings) {
    }

    @Transactional
    public Sent reply(UUID complaintId, ReplyInput input) {
        List<FieldError> errors = input.errors();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        FollowedComplaint complaint = complaints.locked(complaintId);
        if (complaint.state == ComplaintState.DISPATCHED || complaint.state == ComplaintState.RECEIVED) {
            throw new StateConflictException("The department's result for complaint " + complaint.number
                    + " is not in yet: reply once it is");
        }
        if (complaint.state == ComplaintState.CLOSED) {
            throw new StateConflictException("Complaint " + complaint.number + " is closed (" + complaint.closedReason + ")");
        }
        List<ForbiddenPhrases.Phrase> found = phrases.foundIn(input.message());
        if (!found.isEmpty() && !input.acknowledgeWarnings()) {
            throw new UnprocessableException(FORBIDDEN_PHRASES, "The message contains " + found.size()
                    + " forbidden phrase(s) (服务忌语); rephrase it, or send it with acknowledgeWarnings: true",
                    found.stream().map(p -> new FieldError("message", "「" + p.phrase() + "」: " + p.why())).toList());
        }
        Instant now = clock.instant();
        CustomerReply reply = new CustomerReply();
        reply.complaintId = complaintId;
        reply.agentId = input.agentId();
        reply.channel = input.channel();
        reply.message = input.message();
        reply.warnings = found.stream().map(ForbiddenPhrases.Phrase::phrase).toList();
        reply.repliedAt = now;
        reply.persist();
        complaints.replied(complaint, now);
        // The survey's answer comes back from the delivery system as a receipt.
        notifications.toCustomer(complaint, Purpose.SATISFACTION_SURVEY,
                Purpose.SATISFACTION_SURVEY.toCustomer(complaint.number), complaint.callbackDueAt);
        if (complaint.referralSource != null) {
            notifications.toReferrer(complaint, "办结回复 " + complaint.number + ": " + reply.message);
        }
        outbox.add(FollowupEvents.TOPIC, complaintId.toString(), CustomerReplied.TYPE,
                new CustomerReplied(complaintId, reply.agentId, reply.channel, now, reply.warnings));
        clocks.publishChanged();
        return new Sent(reply.id, complaintId, reply.agentId, reply.channel, now, reply.warnings);
    }
}
