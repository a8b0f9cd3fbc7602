package io.tousu.routing.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tousu.platform.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;

/**
 * Routing's business counters, counted when the transaction that did the work commits, so a
 * batch that rolls back and is redelivered is counted once.
 */
@ApplicationScoped
public class RoutingMetrics {
    private static final String PENDING = RoutingMetrics.class.getName() + ".pending";

    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    public RoutingMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    /** {@code routing_work_orders_dispatched_total{department,priority}}. */
    public void dispatched(String department, String priority) {
        countAtCommit(registry.counter("routing_work_orders_dispatched", "department", department, "priority", priority));
    }

    /** {@code routing_repeat_complaints_total}: complaints linked to an earlier one of the same customer. */
    public void repeat() {
        countAtCommit(registry.counter("routing_repeat_complaints"));
    }

    /** {@code routing_incidents_opened_total}. */
    public void incidentOpened() {
        countAtCommit(registry.counter("routing_incidents_opened"));
    }

    /** {@code routing_work_orders_urged_total{department}}: supervisors' urges (督办), counted per department. */
    public void urged(String department) {
        countAtCommit(registry.counter("routing_work_orders_urged", "department", department));
    }

    /** Gathers a transaction's counts, so that a batch of a thousand registers one after-commit action. */
    private void countAtCommit(Counter counter) {
        afterCommit.collect(PENDING, HashMap<Counter, Integer>::new,
                        counts -> counts.forEach((c, n) -> c.increment(n)))
                .merge(counter, 1, Integer::sum);
    }
}
