package io.tousu.followup.api;

import io.tousu.followup.reply.Replies;
import io.tousu.followup.reply.ReplyInput;
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

@Path("/api/v1/complaints/{id}/replies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReplyResource {
    private final Replies replies;

    public ReplyResource(Replies replies) {
        this.replies = replies;
    }

    @POST
    @RolesAllowed({"agent", "supervisor"})
    @Operation(summary = "Answer the customer once the department's result is in (checked for forbidden phrases)")
    public Response reply(@PathParam("id") UUID id, ReplyInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "must be the reply");
        }
        return Response.status(Response.Status.CREATED).entity(replies.reply(id, input)).build();
    }
}
