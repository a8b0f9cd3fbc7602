package io.tousu.reporting.api;

import io.tousu.reporting.kpi.DepartmentAssessment;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.YearMonth;
import java.util.List;

@Path("/api/v1/reports/departments")
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentResource {
    private final DepartmentAssessment assessment;
    private final JsonWebToken token;

    public DepartmentResource(DepartmentAssessment assessment, JsonWebToken token) {
        this.assessment = assessment;
        this.token = token;
    }

    public record Assessment(YearMonth month, List<DepartmentAssessment.Row> departments) {
    }

    @GET
    @RolesAllowed({"analyst", "supervisor", "department"})
    @Operation(summary = "The month's department assessment (考核); a department's token reads its own row only")
    public Assessment of(@QueryParam("month") String month) {
        YearMonth m = DepartmentAssessment.month(month);
        List<DepartmentAssessment.Row> rows = assessment.of(m);
        if (token.getGroups().contains("analyst") || token.getGroups().contains("supervisor")) {
            return new Assessment(m, rows);
        }
        Object dept = token.getClaim("dept");
        if (dept == null) {
            throw new ForbiddenException("a department token names its department (claim dept)");
        }
        return new Assessment(m, rows.stream().filter(r -> r.department().equals(dept.toString())).toList());
    }
}
