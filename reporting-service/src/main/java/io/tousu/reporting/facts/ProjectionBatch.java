package io.tousu.reporting.facts;

import io.tousu.platform.inbox.EventInbox;
import io.tousu.platform.messaging.IncomingEvent;
import io.tousu.reporting.rollup.Contributions;
import io.tousu.reporting.rollup.DailyRollups;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One polled batch into the read models: its complaints' rows made and locked, what they
 * contributed to the pre-aggregates read, the events' statements run together, and the change in
 * their contributions added.
 */
public final class ProjectionBatch implements EventInbox.BatchHandler {
    private final ComplaintFacts facts;
    private final DailyRollups rollups;
    private List<UUID> complaints;
    private ComplaintFacts.Writes writes;
    private Contributions before;

    public ProjectionBatch(ComplaintFacts facts, DailyRollups rollups) {
        this.facts = facts;
        this.rollups = rollups;
    }

    @Override
    public void begin(List<IncomingEvent> events) {
        complaints = events.stream().map(facts::complaintOf).filter(Objects::nonNull).distinct().toList();
        facts.prepare(complaints);
        before = rollups.of(complaints);
        writes = new ComplaintFacts.Writes();
    }

    @Override
    public void handle(IncomingEvent event) {
        facts.apply(event, writes);
    }

    @Override
    public void end() {
        facts.write(writes);
        rollups.add(before, rollups.of(complaints));
    }
}
