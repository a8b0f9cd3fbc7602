package io.tousu.routing.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Routing's own settings, {@code tousu.routing.*}; the values are in application.properties. */
@ConfigMapping(prefix = "tousu.routing")
public interface RoutingConfig {
    /** The industry pack: taxonomy, departments, classification and first rules ({@code telecom}, {@code power}). */
    String taxonomyPack();

    Repeat repeat();

    Incident incident();

    interface Repeat {
        /** Same customer, same category, within this window. */
        Duration window();
    }

    interface Incident {
        /** Complaints of one category family in one area within the window that make an incident. */
        int threshold();

        Duration window();
    }
}
