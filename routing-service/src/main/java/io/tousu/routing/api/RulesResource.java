package io.tousu.routing.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.tousu.routing.rules.RoutingRule;
import io.tousu.routing.rules.RuleBook;
import io.tousu.routing.rules.RuleSet;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

@Path("/api/v1/routing/rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class RulesResource {
    private final RuleBook book;
    private final SecurityIdentity identity;

    public RulesResource(RuleBook book, SecurityIdentity identity) {
        this.book = book;
        this.identity = identity;
    }

    /** A new rule set; {@code basedOn} is the version the edit started from (optional). */
    public record RulesUpdate(Integer basedOn, List<RoutingRule> rules) {
    }

    @GET
    @Operation(summary = "The routing rules in force, with their version; the first matching rule decides")
    public RuleSet current() {
        return book.current();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a new version of the routing rules",
            description = "The whole set is validated first; any error rejects it (400, every error listed) and "
                    + "the rules in force stay. A basedOn older than the version in force is refused with 409.")
    public RuleSet publish(RulesUpdate update) {
        return book.publish(update == null ? null : update.rules(), update == null ? null : update.basedOn(),
                identity.getPrincipal().getName());
    }
}
