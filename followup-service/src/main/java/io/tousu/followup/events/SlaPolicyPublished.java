package io.tousu.followup.events;

/** {@code SlaPolicyPublished.v1} on {@code policies.sla} (compacted, keyed by pack): the pack in force. */
public record SlaPolicyPublished(String pack, String checksum, PromisePolicy promise) {
    public static final String TYPE = "SlaPolicyPublished.v1";
    public static final String TOPIC = "policies.sla";
}
