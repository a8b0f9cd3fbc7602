package io.tousu.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Wakes the relay as soon as a transaction that wrote outbox rows commits. */
@ApplicationScoped
public class OutboxSignal {
    private final Object monitor = new Object();
    private boolean pending;

    void raise() {
        synchronized (monitor) {
            pending = true;
            monitor.notifyAll();
        }
    }

    /** Returns when raised, or after {@code timeout}; clears the signal. */
    void await(Duration timeout) throws InterruptedException {
        synchronized (monitor) {
            if (!pending) {
                monitor.wait(timeout.toMillis());
            }
            pending = false;
        }
    }
}
