package io.tousu.followup.api;

import io.tousu.followup.sla.Deadline;
import io.tousu.followup.sla.SlaClocks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/complaints/{id}/sla")
@Produces(MediaType.APPLICATION_JSON)
public class SlaResource {
    private final SlaClocks clocks;

    public SlaResource(SlaClocks clocks) {
        this.clocks = clocks;
    }

    public record Sla(UUID complaintId, List<Deadline> deadlines) {
    }

    @GET
    @RolesAllowed({"agent", "supervisor"})
    @Operation(summary = "Each deadline of a complaint with its due time and state")
    public Sla sla(@PathParam("id") UUID id) {
        List<Deadline> deadlines = clocks.deadlines(id);
        if (deadlines.isEmpty()) {
            throw new NotFoundException("No deadlines for complaint " + id + " (not dispatched yet, or unknown)");
        }
        return new Sla(id, deadlines);
    }
}
