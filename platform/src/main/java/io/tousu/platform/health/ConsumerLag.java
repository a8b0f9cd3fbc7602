package io.tousu.platform.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * How far the service's consumer group is behind each topic it reads (end offsets less committed
 * ones), in the readiness details and as the gauge {@code tousu.consumer.lag{topic}}. A lag does
 * not make the service unready: it is working it off. Measured at most every few seconds.
 */
@Readiness
@ApplicationScoped
public class ConsumerLag implements HealthCheck {
    private static final String NAME = "Consumer lag";
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final BrokerAdmin broker;
    private final String group;
    private final Set<String> topics;
    private Map<String, Long> last = Map.of();
    private long measuredAt;
    private String failure;

    public ConsumerLag(BrokerAdmin broker, Config config, MeterRegistry registry) {
        this.broker = broker;
        this.group = config.getOptionalValue("kafka.group.id", String.class)
                .orElseGet(() -> config.getValue("quarkus.application.name", String.class));
        // A channel subscribed by pattern (routing's departments' results) names no one topic.
        this.topics = StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(n -> n.startsWith("mp.messaging.incoming.") && n.endsWith(".topic"))
                .filter(n -> !config.getOptionalValue(n.substring(0, n.length() - "topic".length()) + "pattern",
                        Boolean.class).orElse(false))
                .map(n -> config.getValue(n, String.class)).collect(Collectors.toCollection(TreeSet::new));
        for (String topic : topics) {
            Gauge.builder("tousu.consumer.lag", this, lag -> lag.lags().getOrDefault(topic, -1L))
                    .tag("topic", topic).tag("group", group)
                    .description("records of the topic not yet consumed by the service's group").register(registry);
        }
    }

    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(Set<TopicPartition> partitions,
                                                                               OffsetSpec spec, long millis)
            throws Exception {
        return broker.admin().listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), tp -> spec)))
                .all().get(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Long> lags = lags();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up().withData("group", group);
        lags.forEach(response::withData);
        if (failure != null) {
            response.withData("unknown", failure);
        }
        return response.build();
    }

    /** The lag per topic, measured again if the last measure is older than a few seconds. */
    synchronized Map<String, Long> lags() {
        if (System.nanoTime() - measuredAt < FRESH_NANOS && measuredAt != 0) {
            return last;
        }
        measuredAt = System.nanoTime();
        try {
            long millis = broker.timeout().toMillis();
            Map<TopicPartition, OffsetAndMetadata> committed = broker.admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(millis, TimeUnit.MILLISECONDS);
            // Every partition of the topics that exist: one the group has not committed on yet lags by all it holds.
            Set<TopicPartition> partitions = broker.admin().describeTopics(topics).allTopicNames()
                    .get(millis, TimeUnit.MILLISECONDS).values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toSet());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = offsets(partitions, OffsetSpec.latest(), millis);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> start = offsets(partitions, OffsetSpec.earliest(),
                    millis);
            Map<String, Long> lags = new TreeMap<>();
            topics.forEach(t -> lags.put(t, 0L));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata at = committed.get(tp);
                long from = at != null ? at.offset() : start.get(tp).offset();
                lags.merge(tp.topic(), Math.max(0, end.get(tp).offset() - from), Long::sum);
            }
            last = lags;
            failure = null;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failure = String.valueOf(e.getMessage());
        }
        return last;
    }
}
