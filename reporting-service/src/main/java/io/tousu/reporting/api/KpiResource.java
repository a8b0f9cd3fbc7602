package io.tousu.reporting.api;

import io.tousu.reporting.kpi.KpiQueries;
import io.tousu.reporting.kpi.Kpis;
import io.tousu.reporting.kpi.ReportPeriod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/reports/kpis")
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {
    private final KpiQueries queries;

    public KpiResource(KpiQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed({"analyst", "supervisor"})
    @Operation(summary = "Headline KPIs of a period of whole days (Asia/Shanghai), both ends included")
    public Kpis kpis(@QueryParam("from") String from, @QueryParam("to") String to) {
        return queries.kpis(ReportPeriod.parse(from, to));
    }
}
