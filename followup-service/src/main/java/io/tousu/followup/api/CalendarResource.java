package io.tousu.followup.api;

import io.tousu.followup.calendar.BusinessCalendar;
import io.tousu.followup.calendar.Calendars;
import io.tousu.followup.calendar.YearSchedule;
import io.tousu.platform.problem.FieldError;
import io.tousu.platform.problem.InvalidInputException;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;
import java.util.List;

/** The official year schedules the working-day clocks are computed on. */
@Path("/api/v1/calendars/{year}")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {
    private final Calendars calendars;

    public CalendarResource(Calendars calendars) {
        this.calendars = calendars;
    }

    /** A year's schedule as published, with its version and the working days it leaves each month. */
    public record CalendarView(int year, int version, String source, List<YearSchedule.Holiday> holidays,
                               List<LocalDate> workingWeekends, int workingDays) {
        static CalendarView of(BusinessCalendar.Published p) {
            YearSchedule s = p.schedule();
            BusinessCalendar calendar = new BusinessCalendar(List.of(p));
            LocalDate first = LocalDate.of(s.year(), 1, 1);
            return new CalendarView(s.year(), p.version(), s.source(), s.holidays(), s.workingWeekends(),
                    calendar.workingDaysBetween(first.minusDays(1), first.plusYears(1).minusDays(1)));
        }
    }

    @GET
    @Authenticated
    @Operation(summary = "The year's holidays and make-up working days (调休) in force")
    public CalendarView get(@PathParam("year") int year) {
        return calendars.inForce(year).map(CalendarView::of).orElseThrow(() -> new NotFoundException(
                "No calendar for " + year + ": its clocks count weekends only (calendarVersion MISSING)"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Publish a new version of the year's schedule; clocks computed after it use it")
    public CalendarView put(@PathParam("year") int year, YearSchedule schedule, @Context SecurityContext caller) {
        if (schedule == null) {
            throw new InvalidInputException(List.of(new FieldError("body", "must be the year's schedule")));
        }
        return CalendarView.of(calendars.publish(year, schedule, caller.getUserPrincipal().getName()));
    }
}
