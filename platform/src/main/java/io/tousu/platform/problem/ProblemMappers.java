package io.tousu.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/** Every error a service answers is {@code application/problem+json} (RFC 9457). */
public class ProblemMappers {
    private static final String INVALID_INPUT = "/problems/invalid-input";

    private final ObjectMapper mapper;

    public ProblemMappers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return respond(new Problem(INVALID_INPUT, "Invalid input", 400,
                "The request has " + e.errors().size() + " invalid field(s).", e.errors()));
    }

    @ServerExceptionMapper
    public Response unprocessable(UnprocessableException e) {
        return respond(new Problem(e.type(), "Unprocessable content", 422, e.getMessage(), e.errors()));
    }

    @ServerExceptionMapper
    public Response conflict(StateConflictException e) {
        return respond(new Problem("/problems/state-conflict", "Conflict", 409, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return jsonError(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return jsonError(e);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return respond(Problem.of(401, "Unauthorized", "A valid bearer token is required."));
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        return respond(Problem.of(401, "Unauthorized", "The bearer token is missing, expired or not trusted."));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "Your role or department may not do this."));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        BodyLimit.BodyTooLargeException tooLarge = tooLargeCause(e);
        WebApplicationException cause = tooLarge != null ? tooLarge : e;
        Response.StatusType status = cause.getResponse().getStatusInfo();
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), cause.getMessage()));
    }

    /** A body cut off while it was read surfaces wrapped in the reader's own error: the 413 is the answer. */
    private static BodyLimit.BodyTooLargeException tooLargeCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyLimit.BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    private Response jsonError(JsonProcessingException e) {
        BodyLimit.BodyTooLargeException tooLarge = tooLargeCause(e);
        if (tooLarge != null) {
            return http(tooLarge);
        }
        String field = e instanceof JsonMappingException m ? path(m) : "";
        String message = e.getOriginalMessage();
        if (field.isEmpty()) {
            return respond(new Problem(INVALID_INPUT, "Malformed JSON", 400, message, List.of()));
        }
        return respond(new Problem(INVALID_INPUT, "Invalid input", 400, "The request has 1 invalid field(s).",
                List.of(new FieldError(field, message))));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private Response respond(Problem problem) {
        try {
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                    .entity(mapper.writeValueAsString(problem)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
