package io.tousu.routing.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.tousu.platform.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Routing's business counters, counted when the transaction that did the work commits, so a
 * batch that rolls back and is redelivered is counted once.
 */
@ApplicationScoped
public class RoutingMetrics {
    private final MeterRegistry registry;
    private final AfterCommit afterCommit;

    public RoutingMetrics(MeterRegistry registry, AfterCommit afterCommit) {
        this.registry = registry;
        this.afterCommit = afterCommit;
    }

    /** {@code routing_work_orders_dispatched_total{department,priority}}. */
    public void dispatched(String department, String priority) {
        afterCommit.run(() -> registry.counter("routing_work_orders_dispatched", "department", department,
                "priority", priority).increment());
    }

    /** {@code routing_repeat_complaints_total}: complaints linked to an earlier one of the same customer. */
    public void repeat() {
        afterCommit.run(() -> registry.counter("routing_repeat_complaints").increment());
    }

    /** {@code routing_incidents_opened_total}. */
    public void incidentOpened() {
        afterCommit.run(() -> registry.counter("routing_incidents_opened").increment());
    }
}
