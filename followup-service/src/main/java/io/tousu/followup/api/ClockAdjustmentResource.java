package io.tousu.followup.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.tousu.followup.adjust.AdjustmentInput;
import io.tousu.followup.adjust.ClockAdjustments;
import io.tousu.platform.problem.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/** Pauses, extensions and new promises of a complaint's clocks. */
@Path("/api/v1/complaints/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClockAdjustmentResource {
    private final ClockAdjustments adjustments;
    private final SecurityIdentity identity;

    public ClockAdjustmentResource(ClockAdjustments adjustments, SecurityIdentity identity) {
        this.adjustments = adjustments;
        this.identity = identity;
    }

    @POST
    @Path("/pauses")
    @RolesAllowed({"agent", "supervisor"})
    @Operation(summary = "Wait for the customer: the working-day clocks stand still until the pause ends")
    public Response pause(@PathParam("id") UUID id, AdjustmentInput.Pause input) {
        return created(adjustments.pause(id, body(input)));
    }

    @DELETE
    @Path("/pauses")
    @RolesAllowed({"agent", "supervisor"})
    @Operation(summary = "End the wait: paused clocks move on by the working time they stood still")
    public ClockAdjustments.Paused resume(@PathParam("id") UUID id, AdjustmentInput.Resume input) {
        // A DELETE often carries no body: the caller ends the pause.
        return adjustments.resume(id, input != null ? input : new AdjustmentInput.Resume(identity.getPrincipal().getName()));
    }

    @POST
    @Path("/extensions")
    @RolesAllowed({"agent", "supervisor"})
    @Operation(summary = "Request a new due time for one clock, before it expires; a supervisor's request is approved at once")
    public Response extend(@PathParam("id") UUID id, AdjustmentInput.Extension input) {
        return created(adjustments.requestExtension(id, body(input), identity.hasRole("supervisor")));
    }

    @POST
    @Path("/extensions/{extensionId}/decision")
    @RolesAllowed("supervisor")
    @Operation(summary = "Approve or reject a requested extension")
    public ClockAdjustments.Extended decide(@PathParam("id") UUID id, @PathParam("extensionId") long extensionId,
                                            AdjustmentInput.Decision input) {
        return adjustments.decide(id, extensionId, body(input));
    }

    @POST
    @Path("/promises")
    @RolesAllowed({"agent", "supervisor"})
    @Operation(summary = "A new time told to the customer: it replaces the promise clock")
    public Response promise(@PathParam("id") UUID id, AdjustmentInput.Promise input) {
        return created(adjustments.promise(id, body(input)));
    }

    private static <T> T body(T input) {
        if (input == null) {
            throw new InvalidInputException("body", "is required");
        }
        return input;
    }

    private static Response created(Object entity) {
        return Response.status(Response.Status.CREATED).entity(entity).build();
    }
}
