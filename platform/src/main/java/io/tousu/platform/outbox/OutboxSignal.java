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

    /**
     * Returns when raised, or after {@code timeout}; then lingers so that commits close behind
     * the first one join its batch, and clears the signal.
     */
    void await(Duration timeout, Duration linger) throws InterruptedException {
        synchronized (monitor) {
            if (!pending) {
                monitor.wait(timeout.toMillis());
            }
        }
        if (!linger.isZero()) {
            Thread.sleep(linger.toMillis());
        }
        synchronized (monitor) {
            pending = false;
        }
    }
}
