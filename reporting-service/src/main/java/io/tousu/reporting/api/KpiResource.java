package io.tousu.reporting.api;

import io.tousu.reporting.kpi.GroupBy;
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

import java.util.List;
import java.util.Locale;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {
    private final KpiQueries queries;

    public KpiResource(KpiQueries queries) {
        this.queries = queries;
    }

    public record Breakdown(String by, List<Kpis> groups) {
    }

    @GET
    @Path("/kpis")
    @RolesAllowed({"analyst", "supervisor"})
    @Operation(summary = "Headline KPIs of a period of whole days (Asia/Shanghai), both ends included")
    public Kpis kpis(@QueryParam("from") String from, @QueryParam("to") String to) {
        return queries.kpis(ReportPeriod.parse(from, to));
    }

    @GET
    @Path("/breakdown")
    @RolesAllowed({"analyst", "supervisor"})
    @Operation(summary = "The same KPIs per channel, top-level category, department, area (as given, or at "
            + "level=province|city|district) or day")
    public Breakdown breakdown(@QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("by") String by, @QueryParam("level") String level) {
        ReportPeriod period = ReportPeriod.parse(from, to);
        GroupBy groupBy = GroupBy.parse(by);
        return new Breakdown(groupBy.name().toLowerCase(Locale.ROOT),
                queries.breakdown(period, groupBy, GroupBy.AreaLevel.parse(level)));
    }
}
