package io.tousu.routing.taxonomy;

/** A department that handles work orders, and the topic its work orders are sent to. */
public record Department(String code, String name, String topic) {
    public static final String TOPIC_PREFIX = "workorders.";

    public Department withTopic() {
        return new Department(code, name, TOPIC_PREFIX + code);
    }
}
