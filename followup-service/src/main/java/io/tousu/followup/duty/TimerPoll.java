package io.tousu.followup.duty;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.tousu.followup.config.TimerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Drives the durable timers: each replica polls on the scheduler and drains what is due, a batch
 * per transaction; replicas share the work through the rows' locks, not through any coordination.
 */
@ApplicationScoped
public class TimerPoll {
    private static final Logger LOG = Logger.getLogger(TimerPoll.class);
    /** Batches per poll at most, so that a backlog of weeks does not hold one scheduler thread for long. */
    private static final int MAX_BATCHES = 100;

    private final DueActions actions;
    private final int batchSize;
    private volatile boolean stopping;

    public TimerPoll(DueActions actions, TimerConfig config) {
        this.actions = actions;
        this.batchSize = config.batchSize();
    }

    /** The database goes away while the service stops; the timers wait for the next replica's poll. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${tousu.timers.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (stopping) {
            return;
        }
        try {
            for (int i = 0; i < MAX_BATCHES; i++) {
                if (actions.fireDue(batchSize) < batchSize) {
                    return; // drained; a full batch means more may be due
                }
            }
        } catch (RuntimeException e) {
            // The batch rolled back and its timers are due again: the next poll retries them.
            LOG.warnf("firing due timers failed, retrying at the next poll: %s", e.toString());
        }
    }
}
