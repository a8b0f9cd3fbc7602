package io.tousu.routing.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Routing's business counters, counted when the transaction that did the work commits, so a
 * batch that rolls back and is redelivered is counted once.
 */
@ApplicationScoped
public class RoutingMetrics {
    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    public RoutingMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    /** {@code routing_work_orders_dispatched_total{department,priority}}. */
    public void dispatched(String department, String priority) {
        afterCommit(() -> registry.counter("routing_work_orders_dispatched", "department", department,
                "priority", priority).increment());
    }

    /** {@code routing_repeat_complaints_total}: complaints linked to an earlier one of the same customer. */
    public void repeat() {
        afterCommit(() -> registry.counter("routing_repeat_complaints").increment());
    }

    /** {@code routing_incidents_opened_total}. */
    public void incidentOpened() {
        afterCommit(() -> registry.counter("routing_incidents_opened").increment());
    }

    private void afterCommit(Runnable count) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // counted only once the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }
}
