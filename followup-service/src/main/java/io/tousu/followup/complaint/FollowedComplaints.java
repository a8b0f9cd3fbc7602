package io.tousu.followup.complaint;

import io.tousu.followup.escalation.CompensationAuthority;
import io.tousu.followup.events.FollowupEvents;
import io.tousu.followup.sla.ClockPlan;
import io.tousu.followup.sla.Milestone;
import io.tousu.followup.sla.SlaClocks;
import io.tousu.followup.sla.SlaPack;
import io.tousu.followup.timer.TimerAction;
import io.tousu.followup.timer.Timers;
import io.tousu.platform.messaging.PoisonMessageException;
import io.tousu.platform.outbox.Outbox;
import io.tousu.platform.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps each complaint's place in the loop from intake's and routing's events and followup's own
 * actions, and tells its clocks of each milestone. Every change locks the complaint's row first:
 * the two topics are consumed concurrently, and REST calls come in between.
 */
@ApplicationScoped
public class FollowedComplaints {
    private static final String ABSENT = FollowedComplaints.class.getName() + ".absent";

    private final Clock clock;
    private final Outbox outbox;
    private final AfterCommit afterCommit;
    private final SlaClocks clocks;
    private final Timers timers;
    private final CompensationAuthority authority;
    private final Duration callbackWithin;
    private final double supervisoryShare;

    public FollowedComplaints(Clock clock, Outbox outbox, AfterCommit afterCommit, SlaClocks clocks, Timers timers,
                              SlaPack pack) {
        this.clock = clock;
        this.outbox = outbox;
        this.afterCommit = afterCommit;
        this.clocks = clocks;
        this.timers = timers;
        this.authority = new CompensationAuthority(pack.compensationAuthority());
        this.callbackWithin = pack.callback().within();
        this.supervisoryShare = pack.supervisoryShare();
    }

    /** A complaint to insert, if it is not followed yet, before a batch works on it. */
    public record Known(UUID complaintId, String number, ComplaintState state) {
    }

    /**
     * Before a batch: locks the complaints it touches in one statement (in id order, as every batch
     * does, so that concurrent batches cannot deadlock), inserts in one more those of {@code create}
     * not followed yet, and loads their clocks, so that the batch's events are handled without a
     * query each.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(Collection<UUID> touched, Collection<Known> create) {
        Set<UUID> absent = lockAll(touched);
        List<Known> missing = create.stream().filter(k -> absent.contains(k.complaintId()))
                .collect(Collectors.toMap(Known::complaintId, k -> k, (a, b) -> a)).values().stream().toList();
        if (!missing.isEmpty()) {
            insertAll(missing);
            lockAll(missing.stream().map(Known::complaintId).toList());
        }
        clocks.preload(touched);
    }

    /** Locks the followed ones of these complaints; remembers, for this transaction, those that are not. */
    private Set<UUID> lockAll(Collection<UUID> ids) {
        List<UUID> sorted = ids.stream().distinct().sorted().toList();
        if (sorted.isEmpty()) {
            return absent();
        }
        Set<UUID> found = FollowedComplaint.<FollowedComplaint>find("complaintId in ?1 order by complaintId", sorted)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().stream().map(c -> c.complaintId)
                .collect(Collectors.toSet());
        Set<UUID> absent = absent();
        for (UUID id : sorted) {
            if (found.contains(id)) {
                absent.remove(id);
            } else {
                absent.add(id);
            }
        }
        return absent;
    }

    private Set<UUID> absent() {
        return afterCommit.collect(ABSENT, HashSet<UUID>::new, set -> {
        });
    }

    /** One statement for the batch; a row another consumer inserted meanwhile is left as it is. */
    private void insertAll(List<Known> rows) {
        Timestamp now = Timestamp.from(clock.instant());
        FollowedComplaint.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO followed_complaint (complaint_id, number, state, updated_at)
                    SELECT id, num, st, ? FROM unnest(?::uuid[], ?::varchar[], ?::varchar[]) AS t(id, num, st)
                    ON CONFLICT (complaint_id) DO NOTHING""")) {
                insert.setTimestamp(1, now);
                insert.setArray(2, connection.createArrayOf("uuid", rows.stream().map(Known::complaintId).toArray()));
                insert.setArray(3, connection.createArrayOf("varchar",
                        rows.stream().map(k -> k.number() == null ? "" : k.number()).toArray()));
                insert.setArray(4, connection.createArrayOf("varchar",
                        rows.stream().map(k -> k.state().name()).toArray()));
                insert.executeUpdate();
            }
        });
    }

    /**
     * Intake accepted it: followup learns whom to answer and how, and opens the receipt's clocks. One
     * resolved on the first contact owes nothing more and is not followed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void received(ReceivedComplaint r) {
        if (r.complaintId() == null || r.receivedAt() == null) {
            throw new PoisonMessageException("a received complaint needs complaintId and receivedAt");
        }
        FollowedComplaint c = lock(r.complaintId()).orElse(null);
        if (c == null && r.resolvedOnFirstContact()) {
            return;
        }
        if (c == null) {
            c = create(r.complaintId(), r.number(), ComplaintState.RECEIVED);
        }
        if (c.received) {
            return;
        }
        c.received = true;
        c.number = r.number() == null ? c.number : r.number();
        c.receivedAt = r.receivedAt().toInstant();
        c.type = r.type() == null ? "COMPLAINT" : r.type();
        c.channel = r.channel();
        if (r.customer() != null) {
            c.customerName = r.customer().name();
            c.phone = r.customer().phone();
            c.email = r.customer().email();
            c.preferredContact = r.customer().preferredContact();
        }
        c.ownerAgent = r.firstResponder() == null ? null : r.firstResponder().agentId();
        if (r.referral() != null) {
            c.referralSource = r.referral().source();
            c.referralNo = r.referral().referenceNo();
            c.referralDueBy = r.referral().dueBy() == null ? null : r.referral().dueBy().toInstant();
        }
        c.promisedReplyBy = r.promisedReplyBy() == null ? null : r.promisedReplyBy().toInstant();
        c.updatedAt = clock.instant();
        clocks.milestone(c.complaintId, Milestone.RECEIPT, c.receivedAt, c.facts(), c.reached(), 1);
    }

    /**
     * A department got a work order: the first starts following the complaint if its receipt was
     * not read yet (its clocks that need no facts open from the receipt time the dispatch carries);
     * each sets the level and department handling it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dispatched(DispatchedWorkOrder d) {
        if (d.complaintId() == null) {
            throw new PoisonMessageException("dispatch of work order " + d.workOrderId() + " names no complaint");
        }
        FollowedComplaint c = lock(d.complaintId()).orElse(null);
        Instant now = clock.instant();
        if (c == null) {
            c = create(d.complaintId(), d.number(), ComplaintState.DISPATCHED);
        }
        if (!c.received) {
            if (c.receivedAt == null) {
                c.receivedAt = d.receivedAt() != null ? d.receivedAt().toInstant() : now;
            }
            // Opens nothing twice: a receipt's clocks open once per complaint.
            clocks.milestone(c.complaintId, Milestone.RECEIPT, c.receivedAt, ClockPlan.Facts.unknown(), c.reached(), 1);
        }
        if (c.state == ComplaintState.RECEIVED) {
            c.state = ComplaintState.DISPATCHED;
        }
        if (d.escalationLevel() != null) {
            c.escalationLevel = d.escalationLevel();
        }
        c.department = d.department();
        c.updatedAt = now;
        clocks.milestone(c.complaintId, Milestone.DISPATCH, d.dispatchedAt() != null ? d.dispatchedAt() : now,
                c.facts(), c.reached(), c.round);
    }

    /** The department signed for (签收) or returned (退单) its order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void routed(RoutingMilestone m, Milestone milestone) {
        if (m.complaintId() == null) {
            throw new PoisonMessageException("routing event of work order " + m.workOrderId() + " names no complaint");
        }
        Optional<FollowedComplaint> found = lock(m.complaintId());
        if (found.isEmpty()) {
            return; // not dispatched through this followup (another deployment's, or a test's)
        }
        FollowedComplaint c = found.get();
        Instant now = clock.instant();
        Instant at = milestone == Milestone.SIGN_FOR ? m.acceptedAt() : m.returnedAt();
        at = at == null ? now : at;
        if (milestone == Milestone.SIGN_FOR) {
            c.signedForAt = at;
        }
        c.updatedAt = now;
        clocks.milestone(c.complaintId, milestone, at, c.facts(), c.reached(), c.round);
    }

    /**
     * The department's result is in: the complaint waits for its reply to the customer, unless the
     * compensation it grants is beyond the handling level's authority and must go up first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resultIn(DepartmentResult result) {
        if (result.complaintId() == null) {
            throw new PoisonMessageException("result of work order " + result.workOrderId() + " names no complaint");
        }
        Optional<FollowedComplaint> found = lock(result.complaintId());
        if (found.isEmpty()) {
            return; // not dispatched through this followup (another deployment's, or a test's)
        }
        FollowedComplaint c = found.get();
        Instant now = clock.instant();
        c.updatedAt = now;
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
                    new FollowupEvents.EscalationRequested(c.complaintId, "L" + approver.get(), reason, now));
            c.state = ComplaintState.DISPATCHED;
            return;
        }
        c.resultAt = result.submittedAt() != null ? result.submittedAt() : now;
        if (c.state == ComplaintState.DISPATCHED || c.state == ComplaintState.RECEIVED) {
            c.state = ComplaintState.RESULT_IN;
        }
        clocks.milestone(c.complaintId, Milestone.RESULT, c.resultAt, c.facts(), c.reached(), c.round);
    }

    /** The customer was answered: the reply's clocks stop and a callback falls due. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replied(FollowedComplaint c, Instant at) {
        c.state = ComplaintState.REPLIED;
        c.repliedAt = at;
        c.updatedAt = at;
        callbackDue(c, at.plus(callbackWithin));
        clocks.milestone(c.complaintId, Milestone.REPLY, at, c.facts(), c.reached(), c.round);
    }

    /** The next callback of this round is due at {@code at}; a timer tells the agents then. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void callbackDue(FollowedComplaint c, Instant at) {
        c.callbackDueAt = at;
        timers.set(c.complaintId, TimerAction.CALLBACK, Integer.toString(c.round), at);
    }

    /**
     * Closes the complaint for good ({@code SATISFIED}, {@code UNREACHABLE}, {@code WITHDRAWN}), stops
     * its clocks and says so; a share of satisfied ones is sampled for a supervisor's L3 callback.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(FollowedComplaint c, String reason, Instant at) {
        c.state = ComplaintState.CLOSED;
        c.closedReason = reason;
        c.closedAt = at;
        c.updatedAt = at;
        c.callbackDueAt = null;
        if ("SATISFIED".equals(reason) && c.supervisory == null && sampled(c.complaintId, supervisoryShare)) {
            c.supervisory = "PENDING";
        }
        clocks.milestone(c.complaintId, Milestone.CLOSE, at, c.facts(), c.reached(), c.round);
        outbox.add(FollowupEvents.TOPIC, c.complaintId.toString(), FollowupEvents.ComplaintClosed.TYPE,
                new FollowupEvents.ComplaintClosed(c.complaintId, reason, c.round, at));
    }

    /** Unsatisfied: another round, sent back by routing (L2 on the first reopening, L3 after). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reopen(FollowedComplaint c, String reason, Instant at) {
        c.round++;
        c.unreachedCalls = 0;
        c.state = ComplaintState.DISPATCHED;
        c.repliedAt = null;
        c.resultAt = null;
        c.signedForAt = null;
        c.callbackDueAt = null;
        c.closedAt = null;
        c.closedReason = null;
        c.updatedAt = at;
        outbox.add(FollowupEvents.TOPIC, c.complaintId.toString(), FollowupEvents.ComplaintReopened.TYPE,
                new FollowupEvents.ComplaintReopened(c.complaintId, reason, c.round, at));
    }

    /**
     * Whether a complaint falls in the sampled share: decided by its id, so a replay samples the
     * same complaints (ids are random, so the share holds).
     */
    static boolean sampled(UUID complaintId, double share) {
        return Long.remainderUnsigned(complaintId.getLeastSignificantBits(), 10_000) < Math.round(share * 10_000);
    }

    public Optional<FollowedComplaint> find(UUID complaintId) {
        return FollowedComplaint.findByIdOptional(complaintId);
    }

    /** The complaint, locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FollowedComplaint> lock(UUID complaintId) {
        if (absent().contains(complaintId)) {
            return Optional.empty(); // known since the batch began: no query
        }
        return FollowedComplaint.findByIdOptional(complaintId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The complaint, locked, or 404 for an API caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public FollowedComplaint locked(UUID complaintId) {
        return lock(complaintId).orElseThrow(() -> new NotFoundException("No followed complaint " + complaintId
                + " (unknown, not received yet, or resolved on the first contact)"));
    }

    /** Inserts the complaint unless it exists (another consumer may have, meanwhile), then locks it. */
    private FollowedComplaint create(UUID id, String number, ComplaintState state) {
        insertAll(List.of(new Known(id, number, state)));
        absent().remove(id);
        return locked(id);
    }
}
