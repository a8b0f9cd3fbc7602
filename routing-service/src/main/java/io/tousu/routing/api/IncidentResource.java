package io.tousu.routing.api;

import io.tousu.platform.problem.InvalidInputException;
import io.tousu.routing.incident.Incident;
import io.tousu.routing.incident.IncidentQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Incidents (紧急事故) for supervisors, and for the department each is routed to. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "department"})
public class IncidentResource {
    private static final Set<String> STATUSES = Set.of(Incident.OPEN, Incident.RESOLVED);
    private final IncidentQueries incidents;
    private final DepartmentAccess access;

    public IncidentResource(IncidentQueries incidents, DepartmentAccess access) {
        this.incidents = incidents;
        this.access = access;
    }

    /** An incident and the complaints linked to it. */
    public record IncidentView(IncidentQueries.Summary incident, List<IncidentQueries.Linked> complaints) {
    }

    @GET
    @Operation(summary = "Incidents, newest first; a department's token sees those routed to it")
    public List<IncidentQueries.Summary> list(@QueryParam("status") String status,
                                              @QueryParam("page") @DefaultValue("0") int page,
                                              @QueryParam("size") @DefaultValue("50") int size) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidInputException("status", "must be one of " + STATUSES);
        }
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidInputException("size", "page must be 0 or more and size 1 to 500");
        }
        return incidents.list(status, access.ownDepartment().orElse(null), page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One incident: family, area, state, the order that handles it and every linked complaint")
    public IncidentView get(@PathParam("id") UUID id) {
        IncidentQueries.Summary summary = incidents.find(id)
                .orElseThrow(() -> new NotFoundException("No incident " + id));
        access.requireDepartment(summary.department());
        return new IncidentView(summary, incidents.linked(id));
    }
}
