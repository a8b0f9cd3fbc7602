package io.tousu.reporting.api;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tousu.reporting.kpi.DepartmentAssessment;
import io.tousu.reporting.kpi.MonthlyAnalysis;
import io.tousu.reporting.kpi.MonthlyCsv;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The monthly quality analysis as JSON, CSV or a printable page, chosen by {@code Accept}. */
@Path("/api/v1/reports/monthly/{month}")
@RolesAllowed({"analyst", "supervisor"})
public class MonthlyResource {
    static final String CSV = "text/csv;charset=UTF-8";

    private final MonthlyAnalysis analysis;
    private final Template monthly;

    public MonthlyResource(MonthlyAnalysis analysis, Template monthly) {
        this.analysis = analysis;
        this.monthly = monthly;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The month's quality analysis (投诉分析): volumes and trend, KPIs, categories, root causes, "
            + "SLA per clock, referrals, department assessment, the longest ten; JSON, CSV or HTML by Accept")
    public MonthlyAnalysis.Report json(@PathParam("month") String month) {
        return analysis.of(DepartmentAssessment.month(month));
    }

    @GET
    @Produces(CSV)
    public String csv(@PathParam("month") String month) {
        return MonthlyCsv.of(json(month));
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance html(@PathParam("month") String month) {
        return monthly.data("report", json(month));
    }
}
