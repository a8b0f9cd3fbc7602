package io.tousu.followup.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The durable timers' poll, {@code tousu.timers.*}. */
@ConfigMapping(prefix = "tousu.timers")
public interface TimerConfig {
    /** How often each replica looks for due timers (a scheduler interval, e.g. {@code 1s}). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Timers claimed and fired per transaction. */
    @WithDefault("500")
    int batchSize();
}
