package io.tousu.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The outbox relay's settings, {@code tousu.outbox.*}; shared defaults in the platform's configuration. */
@ConfigMapping(prefix = "tousu.outbox")
public interface OutboxConfig {
    @WithDefault("500")
    int batchSize();

    /** Fallback poll: a commit that writes outbox rows wakes the relay at once. */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** After a wake-up, so that the commits right behind share the batch. */
    @WithDefault("PT0.005S")
    Duration linger();

    @WithDefault("snappy")
    String compression();

    Relay relay();

    interface Relay {
        /** Read at build time: a service that publishes nothing runs no relay. */
        @WithDefault("true")
        boolean enabled();
    }
}
