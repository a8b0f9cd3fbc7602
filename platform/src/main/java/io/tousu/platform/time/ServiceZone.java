package io.tousu.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The service centre's time zone: complaint days and the times shown to people. */
@ApplicationScoped
public class ServiceZone {
    private final ZoneId id;

    /** {@code tousu.time-zone}: read here only, every service asks this bean. */
    public ServiceZone(@ConfigProperty(name = "tousu.time-zone", defaultValue = "Asia/Shanghai") ZoneId id) {
        this.id = id;
    }

    public ZoneId id() {
        return id;
    }

    public OffsetDateTime show(Instant instant) {
        return instant == null ? null : instant.atZone(id).toOffsetDateTime();
    }
}
