package io.tousu.platform.health;

import io.tousu.platform.messaging.KafkaConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;

/**
 * One admin client for the health checks, with every request bounded by the configured timeout
 * (the client's default is a minute, which leaves probes hanging).
 */
@ApplicationScoped
public class BrokerAdmin {
    private final KafkaConnection connection;
    private final Duration timeout;
    private Admin admin;

    public BrokerAdmin(KafkaConnection connection,
                       @ConfigProperty(name = "tousu.health.broker-timeout", defaultValue = "PT3S") Duration timeout) {
        this.connection = connection;
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    public synchronized Admin admin() {
        if (admin == null) {
            int millis = (int) timeout.toMillis();
            Map<String, Object> config = connection.settings();
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "readiness");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
