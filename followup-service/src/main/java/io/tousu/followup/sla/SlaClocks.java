package io.tousu.followup.sla;

import io.tousu.followup.calendar.BusinessCalendar;
import io.tousu.followup.calendar.Calendars;
import io.tousu.followup.events.ClocksSet;
import io.tousu.followup.events.FollowupEvents;
import io.tousu.followup.timer.TimerAction;
import io.tousu.followup.timer.Timers;
import io.tousu.platform.outbox.Outbox;
import io.tousu.platform.time.ServiceZone;
import io.tousu.platform.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Opens, stops, pauses and moves the clocks of complaints as their milestones happen, sets the
 * timers of their warning and due points, and says what changed ({@code ClocksSet}) once per
 * complaint and transaction.
 */
@ApplicationScoped
public class SlaClocks {
    private static final String CHANGED = SlaClocks.class.getName() + ".changed";
    private static final String LOADED = SlaClocks.class.getName() + ".loaded";

    private final ClockPlan plan;
    private final ClockMath math;
    private final String pack;
    private final Calendars calendars;
    private final Timers timers;
    private final Outbox outbox;
    private final AfterCommit afterCommit;
    private final Clock clock;
    private final ZoneId zone;

    public SlaClocks(Clock clock, ServiceZone zone, SlaPack pack, Calendars calendars, Timers timers, Outbox outbox,
                     AfterCommit afterCommit) {
        this.math = new ClockMath(zone.id());
        this.plan = new ClockPlan(pack, math);
        this.pack = pack.name();
        this.calendars = calendars;
        this.timers = timers;
        this.outbox = outbox;
        this.afterCommit = afterCommit;
        this.clock = clock;
        this.zone = zone.id();
    }

    /**
     * A milestone of a complaint at {@code at}: stops the clocks it stops and opens those it
     * starts. A clock of a receipt opens once per complaint; any other once per stretch (again after
     * the last one stopped, e.g. for a new round). {@code reached} holds the milestones already
     * seen, so that a clock opened late (its receipt read after its result) opens stopped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void milestone(UUID complaintId, Milestone milestone, Instant at, ClockPlan.Facts facts,
                          Map<Milestone, Instant> reached, int round) {
        List<SlaClock> existing = clocksOf(complaintId);
        boolean changed = false;
        for (SlaClock c : existing) {
            if (c.running() && c.stoppedBy(milestone)) {
                stop(c, at);
                changed = true;
            }
        }
        BusinessCalendar calendar = calendars.current();
        for (ClockPlan.Opened o : plan.opens(milestone, at, facts, calendar)) {
            boolean once = milestone == Milestone.RECEIPT;
            boolean open = existing.stream().noneMatch(c -> c.kind.equals(o.kind()) && (once || c.running()));
            if (open) {
                SlaClock c = open(complaintId, o, round);
                reached.entrySet().stream()
                        .filter(r -> c.stoppedBy(r.getKey()) && !r.getValue().isBefore(c.startedAt))
                        .map(Map.Entry::getValue).min(Instant::compareTo)
                        .ifPresent(stoppedAt -> c.metAt = stoppedAt);
                changed = true;
            }
        }
        if (changed) {
            changed(complaintId);
        }
    }

    private SlaClock open(UUID complaintId, ClockPlan.Opened o, int round) {
        SlaClock c = new SlaClock();
        c.complaintId = complaintId;
        c.kind = o.kind();
        c.name = o.name();
        c.unit = o.unit();
        c.round = round;
        c.startedAt = o.startedAt();
        c.dueAt = o.dueAt();
        c.warnAt = o.warnAt();
        c.stopOn = o.stopOn().stream().map(Enum::name).collect(Collectors.joining(","));
        c.onDue = o.onDue();
        c.pausable = o.pausable();
        c.pack = pack;
        c.calendarVersion = o.calendarVersion();
        if (BusinessCalendar.MISSING.equals(c.calendarVersion)) {
            calendars.computedWithoutCalendar();
        }
        c.persist();
        clocksOf(complaintId).add(c);
        setTimers(c);
        return c;
    }

    private void setTimers(SlaClock c) {
        if (c.warnAt != null && c.warnedAt == null) {
            timers.set(c.complaintId, TimerAction.WARN, c.kind, c.warnAt);
        }
        timers.set(c.complaintId, TimerAction.DUE, c.kind, c.dueAt);
    }

    private void stop(SlaClock c, Instant at) {
        if (c.pausedSince != null) {
            endPause(c, at);
        }
        c.metAt = at;
    }

    /** The complaint is waiting for the customer: its pausable running clocks stand still from {@code at}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> pause(UUID complaintId, Instant at) {
        List<String> paused = new ArrayList<>();
        for (SlaClock c : clocksOf(complaintId)) {
            if (c.running() && c.pausable && c.pausedSince == null) {
                c.pausedSince = at;
                paused.add(c.kind);
            }
        }
        changed(complaintId);
        return paused;
    }

    /** The wait is over: each paused clock's warning and due time move on by the working time it stood still. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resume(UUID complaintId, Instant at) {
        for (SlaClock c : clocksOf(complaintId)) {
            if (c.running() && c.pausedSince != null) {
                endPause(c, at);
                setTimers(c);
            }
        }
        changed(complaintId);
    }

    private void endPause(SlaClock c, Instant at) {
        BusinessCalendar calendar = calendars.current();
        long held = math.workingSecondsBetween(c.pausedSince, at, calendar);
        c.pausedSince = null;
        c.pausedSeconds += held;
        c.dueAt = math.plusWorkingTime(c.dueAt, held, calendar);
        if (c.warnAt != null && c.warnedAt == null) {
            c.warnAt = math.plusWorkingTime(c.warnAt, held, calendar);
        }
    }

    /**
     * Loads the clocks of these complaints in one query, for the rest of the transaction: a batch
     * then works on them without a query per event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void preload(Collection<UUID> complaintIds) {
        Map<UUID, List<SlaClock>> loaded = loaded();
        List<UUID> missing = complaintIds.stream().distinct().filter(id -> !loaded.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(id -> loaded.put(id, new ArrayList<>()));
        SlaClock.<SlaClock>list("complaintId in ?1", missing).forEach(c -> loaded.get(c.complaintId).add(c));
    }

    /** The complaint's clocks as this transaction has them (loaded once, then kept up to date here). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SlaClock> clocksOf(UUID complaintId) {
        return loaded().computeIfAbsent(complaintId, id -> new ArrayList<>(SlaClock.of(id)));
    }

    private Map<UUID, List<SlaClock>> loaded() {
        return afterCommit.collect(LOADED, HashMap<UUID, List<SlaClock>>::new, loaded -> {
        });
    }

    /** The running clock of {@code kind}, if there is one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SlaClock> running(UUID complaintId, String kind) {
        return clocksOf(complaintId).stream().filter(c -> c.kind.equals(kind) && c.running()).findFirst();
    }

    /** Moves a running clock to {@code dueAt} (an approved extension); its warning keeps its distance. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(SlaClock c, Instant dueAt) {
        if (c.warnAt != null) {
            Duration before = Duration.between(c.warnAt, c.dueAt);
            c.warnAt = dueAt.minus(before);
            c.warnedAt = null;
        }
        c.dueAt = dueAt;
        c.revision++;
        setTimers(c);
        changed(c.complaintId);
    }

    /** A new promise told to the customer: it replaces the running promise clock, or opens one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SlaClock promise(UUID complaintId, Instant dueAt, Instant at, int round) {
        ClockPlan.Opened o = plan.promise(at, dueAt);
        Optional<SlaClock> current = running(complaintId, SlaPack.PROMISE);
        if (current.isEmpty()) {
            SlaClock c = open(complaintId, o, round);
            changed(complaintId);
            return c;
        }
        SlaClock c = current.get();
        c.startedAt = at;
        c.warnAt = o.warnAt();
        c.warnedAt = null;
        c.dueAt = dueAt;
        c.revision++;
        setTimers(c);
        changed(complaintId);
        return c;
    }

    /** Marks the complaint's clocks as changed in this transaction: {@link #publishChanged} says so. */
    public void changed(UUID complaintId) {
        afterCommit.collect(CHANGED, LinkedHashSet<UUID>::new, set -> {
        }).add(complaintId);
    }

    /** One {@code ClocksSet} per complaint whose clocks changed in this transaction so far. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishChanged() {
        Set<UUID> changed = afterCommit.collect(CHANGED, LinkedHashSet<UUID>::new, set -> {
        });
        if (changed.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        preload(changed);
        for (UUID id : changed) {
            List<ClocksSet.Clock> set = clocksOf(id).stream()
                    .sorted(Comparator.comparing((SlaClock c) -> c.dueAt).thenComparing(c -> c.kind))
                    .map(c -> new ClocksSet.Clock(c.kind, c.name, c.unit.name(), c.round, c.startedAt, c.dueAt, c.warnAt,
                            c.stateAt(now).name(), c.pausedSince != null))
                    .toList();
            outbox.add(FollowupEvents.TOPIC, id.toString(), ClocksSet.TYPE, new ClocksSet(id, pack, set, now));
        }
        changed.clear();
    }

    public List<Deadline> deadlines(UUID complaintId) {
        Instant now = clock.instant();
        BusinessCalendar calendar = calendars.current();
        return SlaClock.of(complaintId).stream().map(c -> {
            long paused = c.pausedSeconds
                    + (c.pausedSince == null ? 0 : math.workingSecondsBetween(c.pausedSince, now, calendar));
            return new Deadline(c.kind, c.name, c.unit, c.round, at(c.startedAt), at(c.dueAt), at(c.warnAt),
                    Duration.ofSeconds(paused), c.pausedSince != null, c.stateAt(now), c.revision, c.pack,
                    c.calendarVersion);
        }).toList();
    }

    private java.time.OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
