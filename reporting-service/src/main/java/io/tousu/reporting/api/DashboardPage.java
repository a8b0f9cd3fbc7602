package io.tousu.reporting.api;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The dashboard page: open, as it holds no data; it reads {@code /api/v1/reports/dashboard} with
 * the bearer token the reader signs in with (kept in session storage).
 */
@Path("/")
public class DashboardPage {
    private final Template page;

    public DashboardPage(Template dashboardPage) {
        this.page = dashboardPage;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The dashboard page; it signs in with a bearer token and reads the dashboard API")
    public TemplateInstance page() {
        return page.instance();
    }
}
