package io.tousu.intake.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Intake's own settings, {@code tousu.intake.*}; the values are in application.properties. */
@ConfigMapping(prefix = "tousu.intake")
public interface IntakeConfig {
    /** The reply promised at intake until followup's SLA pack has arrived on {@code policies.sla}. */
    Duration promisedReply();

    Writer writer();

    /** The complaint writer's group commit. */
    interface Writer {
        int threads();

        /** Complaints per transaction at most. */
        int maxBatch();

        /** Submissions waiting for the writer; beyond this, intake answers 503. */
        int queue();
    }
}
