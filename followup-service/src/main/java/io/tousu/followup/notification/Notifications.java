package io.tousu.followup.notification;

import io.tousu.followup.complaint.FollowedComplaint;
import io.tousu.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Tasks for the SMS, e-mail and IVR systems, the agents' desk and the referring bodies, on
 * {@code notifications.outbound}: who, by which contact, what, by when. A customer is reached by
 * the contact they prefer first; a failed delivery is tried by their next contact.
 */
@ApplicationScoped
public class Notifications {
    public static final String TOPIC = "notifications.outbound";
    public static final String TYPE = "NotificationTask.v1";

    public enum Audience { CUSTOMER, AGENT, REFERRER }

    /** How a task is delivered. */
    public enum Via { SMS, EMAIL, PHONE, AGENT_DESK, REFERRAL_SYSTEM }

    /**
     * {@code NotificationTask.v1}: {@code to} is the phone number, e-mail address, agent or
     * referring body (with its reference number); {@code dueBy} the time it is useful until.
     */
    public record Task(UUID taskId, UUID complaintId, String number, Purpose purpose, Audience audience, Via channel,
                       String to, String text, Instant dueBy, int attempt, Instant createdAt) {
    }

    private final Outbox outbox;
    private final Clock clock;

    public Notifications(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Tells the customer by the contact they prefer; empty if followup knows none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<NotificationTask> toCustomer(FollowedComplaint c, Purpose purpose, String text, Instant dueBy) {
        return contacts(c).stream().findFirst().map(via -> send(c, purpose, Audience.CUSTOMER, via,
                address(c, via), text, dueBy, 1));
    }

    /** Tells the complaint's owner: the agent who took it, else the department's desk. */
    @Transactional(Transactional.TxType.MANDATORY)
    public NotificationTask toOwner(FollowedComplaint c, Purpose purpose, String text, Instant dueBy) {
        String owner = c.ownerAgent != null ? c.ownerAgent : "department:" + (c.department == null ? "triage" : c.department);
        return send(c, purpose, Audience.AGENT, Via.AGENT_DESK, owner, text, dueBy, 1);
    }

    /** The final answer to the body that referred the complaint (办结回复). */
    @Transactional(Transactional.TxType.MANDATORY)
    public NotificationTask toReferrer(FollowedComplaint c, String text) {
        return send(c, Purpose.REFERRAL_FINAL_ANSWER, Audience.REFERRER, Via.REFERRAL_SYSTEM,
                c.referralSource + ":" + c.referralNo, text, c.referralDueBy, 1);
    }

    /** After {@code failed} could not be delivered: the same task by the customer's next contact, if any is left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<NotificationTask> retry(FollowedComplaint c, NotificationTask failed, String text) {
        if (failed.audience != Audience.CUSTOMER) {
            return Optional.empty();
        }
        Set<Via> tried = new LinkedHashSet<>();
        NotificationTask.<NotificationTask>list("complaintId = ?1 and purpose = ?2", c.complaintId, failed.purpose)
                .forEach(t -> tried.add(t.channel));
        return contacts(c).stream().filter(via -> !tried.contains(via)).findFirst()
                .map(via -> send(c, failed.purpose, Audience.CUSTOMER, via, address(c, via), text, null,
                        failed.attempt + 1));
    }

    /** The customer's contacts, the preferred one first. */
    static List<Via> contacts(FollowedComplaint c) {
        List<Via> order = new ArrayList<>();
        if (c.preferredContact != null) {
            switch (c.preferredContact) {
                case "SMS" -> order.add(Via.SMS);
                case "EMAIL" -> order.add(Via.EMAIL);
                case "PHONE" -> order.add(Via.PHONE);
                default -> { }
            }
        }
        order.addAll(List.of(Via.SMS, Via.PHONE, Via.EMAIL));
        return order.stream().distinct().filter(via -> address(c, via) != null).toList();
    }

    private static String address(FollowedComplaint c, Via via) {
        return via == Via.EMAIL ? blankToNull(c.email) : blankToNull(c.phone);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private NotificationTask send(FollowedComplaint c, Purpose purpose, Audience audience, Via via, String to, String text,
                      Instant dueBy, int attempt) {
        Instant now = clock.instant();
        NotificationTask t = new NotificationTask();
        t.id = UUID.randomUUID();
        t.complaintId = c.complaintId;
        t.purpose = purpose;
        t.audience = audience;
        t.channel = via;
        t.status = NotificationTask.Status.SENT;
        t.attempt = attempt;
        t.createdAt = now;
        t.updatedAt = now;
        t.persist();
        outbox.add(TOPIC, c.complaintId.toString(), TYPE,
                new Task(t.id, c.complaintId, c.number, purpose, audience, via, to, text, dueBy, attempt, now));
        return t;
    }
}
