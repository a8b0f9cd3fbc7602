package io.tousu.followup.config;

import io.smallrye.config.ConfigMapping;

/** Followup's own settings, {@code tousu.sla.*}; the values are in application.properties. */
@ConfigMapping(prefix = "tousu.sla")
public interface FollowupConfig {
    /** The SLA pack, {@code policy/sla/<pack>.json}: its clocks, and the promise intake tells the customer. */
    String pack();
}
