package io.tousu.routing.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Routing's own settings, {@code tousu.routing.*}; the values are in application.properties. */
@ConfigMapping(prefix = "tousu.routing")
public interface RoutingConfig {
    /** The industry pack: taxonomy, departments, classification and first rules ({@code telecom}, {@code power}). */
    String taxonomyPack();

    Repeat repeat();

    Classification classification();

    interface Repeat {
        /** Same customer, same category, within this window. */
        Duration window();
    }

    interface Classification {
        /**
         * How sure the classifier must be (0..1, the probability of the best category's department)
         * to route a complaint that came without a category; below it, triage.
         */
        double minConfidence();
    }
}
