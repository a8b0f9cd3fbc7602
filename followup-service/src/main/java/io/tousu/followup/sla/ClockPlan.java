package io.tousu.followup.sla;

import io.tousu.followup.calendar.BusinessCalendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Which of the pack's clocks a milestone opens, and when each is due: pure, so tests reach it per pack. */
public final class ClockPlan {
    private static final List<Milestone> ON_REPLY = List.of(Milestone.REPLY);

    private final SlaPack pack;
    private final ClockMath math;

    public ClockPlan(SlaPack pack, ClockMath math) {
        this.pack = pack;
        this.math = math;
    }

    /**
     * What followup knows of a complaint: its type and referral come with its receipt
     * ({@code received}); before that a dispatch tells only when it was received.
     */
    public record Facts(boolean received, String type, String referralSource, Instant referralDueBy,
                        Instant promisedReplyBy) {
        public static Facts unknown() {
            return new Facts(false, null, null, null, null);
        }
    }

    /** A clock to open. */
    public record Opened(String kind, String name, Unit unit, Instant startedAt, Instant dueAt, Instant warnAt,
                         List<Milestone> stopOn, boolean pausable, OnDue onDue, String calendarVersion) {
    }

    /** The clocks that {@code milestone} at {@code at} opens (for a receipt, {@code at} is the receipt time). */
    public List<Opened> opens(Milestone milestone, Instant at, Facts facts, BusinessCalendar calendar) {
        List<Opened> opened = new ArrayList<>();
        for (ClockRule rule : pack.clocks()) {
            if (rule.start().milestone() != milestone) {
                continue;
            }
            boolean applies = facts.received() ? rule.appliesTo(facts.type(), facts.referralSource()) : !rule.needsFacts();
            if (applies) {
                ClockMath.Due due = math.due(rule.unit(), rule.amount(), rule.start(), at, calendar);
                opened.add(new Opened(rule.kind(), rule.name(), rule.unit(), at, due.at(),
                        warnAt(at, due.at(), rule.warnBefore()), rule.stopOn(), rule.pauses(), rule.onDue(),
                        due.calendarVersion()));
            }
        }
        if (milestone == Milestone.RECEIPT && facts.received()) {
            if (facts.promisedReplyBy() != null) {
                opened.add(given(SlaPack.PROMISE, pack.promiseClock(), at, facts.promisedReplyBy()));
            }
            if (facts.referralDueBy() != null) {
                opened.add(given(SlaPack.REFERRAL, pack.referralClock(), at, facts.referralDueBy()));
            }
        }
        return opened;
    }

    /** A promise told to the customer at {@code at}: the promise clock anew. */
    public Opened promise(Instant at, Instant dueAt) {
        return given(SlaPack.PROMISE, pack.promiseClock(), at, dueAt);
    }

    private static Opened given(String kind, SlaPack.Given policy, Instant at, Instant dueAt) {
        return new Opened(kind, policy.name(), Unit.FIXED, at, dueAt, warnAt(at, dueAt, policy.warnBefore()), ON_REPLY,
                false, policy.onDue(), ClockMath.NO_CALENDAR);
    }

    /** The warning point, if the pack sets one and it falls after the start. */
    static Instant warnAt(Instant start, Instant due, Duration before) {
        if (before == null) {
            return null;
        }
        Instant warn = due.minus(before);
        return warn.isAfter(start) ? warn : null;
    }
}
