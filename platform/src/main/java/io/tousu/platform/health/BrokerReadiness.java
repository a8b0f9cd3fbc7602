package io.tousu.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Not ready while the broker cannot be reached, answered within a bounded time (Quarkus's own
 * Kafka check waits for the admin client's default minute, which leaves probes hanging).
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {
    private static final String NAME = "Kafka broker";

    private final BrokerAdmin broker;

    public BrokerReadiness(BrokerAdmin broker) {
        this.broker = broker;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            long millis = broker.timeout().toMillis();
            Collection<Node> nodes = broker.admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) millis))
                    .nodes().get(millis + 500, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named(NAME).up()
                    .withData("nodes", nodes.stream().map(n -> n.host() + ":" + n.port()).collect(Collectors.joining(",")))
                    .build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return HealthCheckResponse.named(NAME).down().withData("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
