package io.tousu.followup.api;

import io.tousu.followup.complaint.DueWork;
import io.tousu.platform.problem.FieldError;
import io.tousu.platform.problem.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@Path("/api/v1/followups/due")
@Produces(MediaType.APPLICATION_JSON)
public class DueResource {
    private static final int MAX_SIZE = 200;

    private final DueWork work;

    public DueResource(DueWork work) {
        this.work = work;
    }

    public record DueList(DueWork.Kind kind, int page, int size, List<DueWork.Due> items) {
    }

    @GET
    @RolesAllowed({"agent", "supervisor"})
    @Operation(summary = "Agents' work list, soonest due first: progress notices, replies or callbacks")
    public DueList due(@QueryParam("kind") String kind, @QueryParam("page") @DefaultValue("0") int page,
                       @QueryParam("size") @DefaultValue("50") int size) {
        List<FieldError> errors = new ArrayList<>();
        DueWork.Kind parsed = Arrays.stream(DueWork.Kind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
        if (parsed == null) {
            errors.add(new FieldError("kind", "must be one of " + Arrays.toString(DueWork.Kind.values())));
        }
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "must be 1 to " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new DueList(parsed, page, size, work.due(parsed, page, size));
    }
}
