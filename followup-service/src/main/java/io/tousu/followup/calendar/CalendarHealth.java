package io.tousu.followup.calendar;

import io.tousu.platform.time.ServiceZone;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;

/**
 * Shows which years have a calendar and how many clocks were computed without one. Always up: a
 * missing year degrades clocks to weekends only, it does not make the service unable to work.
 */
@Readiness
@ApplicationScoped
public class CalendarHealth implements HealthCheck {
    private final Calendars calendars;
    private final Clock clock;
    private final ServiceZone zone;

    public CalendarHealth(Calendars calendars, Clock clock, ServiceZone zone) {
        this.calendars = calendars;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public HealthCheckResponse call() {
        BusinessCalendar calendar = calendars.current();
        int nextYear = clock.instant().atZone(zone.id()).getYear() + 1;
        return HealthCheckResponse.named("business-calendar").up()
                .withData("years", calendar.years().toString())
                .withData("nextYearPublished", calendar.years().containsKey(nextYear))
                .withData("clocksWithoutCalendar", (long) calendars.clocksWithoutCalendar())
                .build();
    }
}
