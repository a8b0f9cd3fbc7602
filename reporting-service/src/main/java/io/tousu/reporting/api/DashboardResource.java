package io.tousu.reporting.api;

import io.tousu.reporting.kpi.Dashboard;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The data of the dashboard page ({@link DashboardPage}). */
@Path("/api/v1/reports/dashboard")
public class DashboardResource {
    private final Dashboard dashboard;

    public DashboardResource(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GET
    @RolesAllowed({"analyst", "supervisor"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What the dashboard shows: volumes, clocks at risk and breached, satisfaction, categories, "
            + "a 30-day trend, the department league, the latest complaints")
    public Dashboard.View data() {
        return dashboard.now();
    }
}
