package io.tousu.followup;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests: set by the test, so SLA tests run in milliseconds, not days. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    public static final Instant START = Instant.parse("2026-11-23T02:00:00Z");
    private volatile Instant now = START;

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
