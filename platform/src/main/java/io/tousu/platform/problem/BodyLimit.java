package io.tousu.platform.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers a body declared larger than the contract allows with a 413 problem. The HTTP layer
 * ({@code quarkus.http.limits.max-body-size}, set higher) still cuts off anything larger, but
 * with an empty answer; this filter gives callers the reason.
 */
public class BodyLimit {
    private final long maxBytes;

    public BodyLimit(@ConfigProperty(name = "tousu.http.max-body-bytes", defaultValue = "65536") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()
                && Long.parseLong(length) > maxBytes) {
            throw new WebApplicationException("The body has " + length + " bytes; at most " + maxBytes + " are accepted.",
                    Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
    }
}
