package io.tousu.intake.promise;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Intake's tolerant reading of followup's {@code SlaPolicyPublished.v1}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishedPolicy(String pack, Promise promise) {
    public static final String TYPE = "SlaPolicyPublished";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Promise(String name, int hours, boolean referralDueByWins) {
    }
}
