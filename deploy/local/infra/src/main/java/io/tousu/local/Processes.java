package io.tousu.local;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stops child processes politely (SIGTERM, so they run their shutdown hooks), then firmly. */
public final class Processes {
    private Processes() {
    }

    public static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
