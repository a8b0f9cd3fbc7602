package io.tousu.followup.api;

import io.tousu.followup.callback.CallbackInput;
import io.tousu.followup.callback.Callbacks;
import io.tousu.platform.problem.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

@Path("/api/v1/complaints/{id}/callbacks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CallbackResource {
    private final Callbacks callbacks;

    public CallbackResource(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    @POST
    @RolesAllowed({"agent", "supervisor"})
    @Operation(summary = "Record a callback (回访): satisfied closes, unsatisfied reopens, unreachable retries then closes")
    public Response record(@PathParam("id") UUID id, CallbackInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "must be the callback");
        }
        return Response.status(Response.Status.CREATED).entity(callbacks.record(id, input)).build();
    }
}
