package io.tousu.intake.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tousu.intake.complaint.Complaint;
import io.tousu.intake.complaint.ComplaintIntake;
import io.tousu.intake.submission.ComplaintSubmission;
import io.tousu.intake.submission.SubmissionValidator;
import io.tousu.intake.timeline.TimelineEntry;
import io.tousu.platform.problem.InvalidInputException;
import io.tousu.platform.time.ServiceZone;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

@Path("/api/v1/complaints")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintResource {
    private final ComplaintIntake intake;
    private final ChannelAccess channels;
    private final ServiceZone zone;
    private final ObjectMapper mapper;

    public ComplaintResource(ComplaintIntake intake, ChannelAccess channels, ServiceZone zone, ObjectMapper mapper) {
        this.intake = intake;
        this.channels = channels;
        this.zone = zone;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"channel", "agent"})
    @Operation(summary = "Submit a complaint from any channel",
            description = "Idempotent per (channel, channelRef) and per Idempotency-Key: a retry answers 200 with the original body.")
    @APIResponse(responseCode = "201", description = "Accepted; Location names the complaint")
    @APIResponse(responseCode = "200", description = "A retry of an earlier submission")
    @APIResponse(responseCode = "400", description = "Invalid input, every field error listed")
    @APIResponse(responseCode = "413", description = "Body over 64 KiB")
    @APIResponse(responseCode = "415", description = "Not application/json")
    @APIResponse(responseCode = "403", description = "The token's channels claim does not list this channel")
    @APIResponse(responseCode = "409", description = "Same channelRef or Idempotency-Key with a different body")
    @APIResponse(responseCode = "503", description = "Intake is saturated or stopping; retry the same submission")
    // On the method, not the parameter: the framework reads a body parameter's annotations by
    // reflection on every request, and parsing this one cost about 6 % of intake's CPU.
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ComplaintSubmission.class),
            examples = @ExampleObject(name = "hotline", summary = "A hotline complaint about SP charges",
                    externalValue = "/complaint-example.json")))
    public CompletionStage<Response> submit(ComplaintSubmission submission, @HeaderParam("Idempotency-Key") String idempotencyKey,
                                            @Context UriInfo uri) {
        if (submission == null) {
            throw new InvalidInputException("body", "is required");
        }
        channels.requireAllowed(submission.channel());
        // Non-blocking: the event loop validates, the complaint writer stores, no worker thread waits.
        // The answer is built on the writer's thread, outside the request: resolve the location now.
        String complaints = uri.getBaseUriBuilder().path("api/v1/complaints").build() + "/";
        return intake.submit(submission, idempotencyKey).thenApply(outcome -> outcome.created()
                ? Response.created(URI.create(complaints + outcome.complaint().id()))
                        .entity(outcome.complaint()).build()
                : Response.ok(outcome.complaint()).build());
    }

    @GET
    @RolesAllowed({"channel", "agent", "supervisor"})
    @Operation(summary = "Find complaints by number or by the customer's phone (newest first, at most 50)")
    public List<ComplaintSummary> find(@QueryParam("number") String number, @QueryParam("phone") String phone) {
        if ((number == null) == (phone == null)) {
            throw new InvalidInputException("number", "give either number or phone");
        }
        if (number != null) {
            return Complaint.byNumber(number).map(c -> ComplaintSummary.of(c, zone)).stream().toList();
        }
        if (!SubmissionValidator.isPhone(phone)) {
            throw new InvalidInputException("phone", "must be a mainland mobile or landline number");
        }
        return Complaint.byCustomerPhone(phone, 50).stream().map(c -> ComplaintSummary.of(c, zone)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"channel", "agent", "supervisor"})
    @Operation(summary = "A complaint with its current status and timeline")
    public String get(@PathParam("id") UUID id) {
        Complaint complaint = Complaint.<Complaint>findByIdOptional(id).orElseThrow(() -> new NotFoundException("No complaint " + id));
        return ComplaintView.of(complaint, TimelineEntry.of(id), zone, mapper);
    }
}
