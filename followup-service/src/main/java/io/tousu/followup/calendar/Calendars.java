package io.tousu.followup.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.tousu.platform.policy.PolicyFiles;
import io.tousu.platform.problem.FieldError;
import io.tousu.platform.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The business calendar in force, from {@code calendar_year}: the newest version of each year.
 * Shipped years are stored as version 1 at start if the database has none of them. A PUT adds a
 * version; every replica sees it within {@link #RECHECK} (it compares the newest row id), so a
 * clock computed after that uses it.
 */
@ApplicationScoped
public class Calendars {
    /** The years shipped in {@code policy/calendar/<year>.json}. */
    static final List<Integer> SHIPPED = List.of(2025, 2026);
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Counter missing;
    private volatile Snapshot snapshot = new Snapshot(BusinessCalendar.weekendsOnly(), -1, Long.MIN_VALUE / 2);

    /** {@code checkedAt} from {@link System#nanoTime}: elapsed time, not the business clock tests move. */
    private record Snapshot(BusinessCalendar calendar, long newestId, long checkedAt) {
    }

    public Calendars(EntityManager em, ObjectMapper mapper, Clock clock, MeterRegistry registry) {
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
        this.missing = Counter.builder("sla_calendar_missing_total")
                .description("Clocks computed over a year without a published calendar (weekends only)")
                .register(registry);
    }

    void seed(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int year : SHIPPED) {
                if (newest(year).isEmpty()) {
                    YearSchedule schedule = PolicyFiles.read(mapper, "policy/calendar/" + year + ".json", YearSchedule.class);
                    if (!schedule.errors().isEmpty() || schedule.year() != year) {
                        throw new IllegalStateException("policy/calendar/" + year + ".json is invalid: " + schedule.errors());
                    }
                    insert(schedule, 1, "policy/calendar/" + year + ".json");
                }
            }
        });
    }

    /** The calendar in force now. */
    public BusinessCalendar current() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (now - s.checkedAt() < RECHECK.toNanos()) {
            return s.calendar();
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            long newestId = ((Number) em.createNativeQuery("SELECT COALESCE(max(id), 0) FROM calendar_year")
                    .getSingleResult()).longValue();
            Snapshot next = newestId == s.newestId() ? new Snapshot(s.calendar(), newestId, now)
                    : new Snapshot(new BusinessCalendar(inForce()), newestId, now);
            snapshot = next;
            return next.calendar();
        });
    }

    /** Counts a clock computed over a year without a calendar, for the metric and the health details. */
    public void computedWithoutCalendar() {
        missing.increment();
    }

    public double clocksWithoutCalendar() {
        return missing.count();
    }

    /** The year's schedule in force, if it has one. */
    public Optional<BusinessCalendar.Published> inForce(int year) {
        return QuarkusTransaction.joiningExisting().call(() -> newest(year));
    }

    private Optional<BusinessCalendar.Published> newest(int year) {
        List<?> rows = em.createNativeQuery(
                        "SELECT CAST(schedule AS text), version FROM calendar_year WHERE year = ?1 ORDER BY version DESC LIMIT 1")
                .setParameter(1, year).getResultList();
        return rows.stream().findFirst().map(row -> published((Object[]) row));
    }

    /** Validates and stores a new version of the year; in force for clocks computed after it. */
    public BusinessCalendar.Published publish(int year, YearSchedule schedule, String by) {
        List<FieldError> errors = new ArrayList<>(schedule.errors());
        if (schedule.year() != year) {
            errors.add(0, new FieldError("year", "must be " + year + ", the year in the path"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        BusinessCalendar.Published published = QuarkusTransaction.requiringNew().call(() -> {
            // Serialises publications of one year, so that versions are consecutive.
            em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, 0x63616c0000L + year).getSingleResult();
            int version = newest(year).map(p -> p.version() + 1).orElse(1);
            insert(schedule, version, by);
            return new BusinessCalendar.Published(schedule, version);
        });
        // This replica uses it from the next clock on; the others within RECHECK.
        snapshot = new Snapshot(snapshot.calendar(), -1, Long.MIN_VALUE / 2);
        return published;
    }

    private List<BusinessCalendar.Published> inForce() {
        List<?> rows = em.createNativeQuery("SELECT DISTINCT ON (year) CAST(schedule AS text), version FROM calendar_year "
                + "ORDER BY year, version DESC").getResultList();
        return rows.stream().map(row -> published((Object[]) row)).toList();
    }

    private BusinessCalendar.Published published(Object[] row) {
        try {
            return new BusinessCalendar.Published(mapper.readValue((String) row[0], YearSchedule.class),
                    ((Number) row[1]).intValue());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored calendar is unreadable", e);
        }
    }

    private void insert(YearSchedule schedule, int version, String by) {
        try {
            em.createNativeQuery("INSERT INTO calendar_year (year, version, schedule, published_at, published_by) "
                            + "VALUES (?1, ?2, CAST(?3 AS jsonb), ?4, ?5)")
                    .setParameter(1, schedule.year()).setParameter(2, version)
                    .setParameter(3, mapper.writeValueAsString(schedule))
                    .setParameter(4, clock.instant()).setParameter(5, by)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
