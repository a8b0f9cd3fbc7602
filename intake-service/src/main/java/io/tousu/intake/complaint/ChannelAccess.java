package io.tousu.intake.complaint;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A channel system's token may list the channels it submits for ({@code channels} claim); it
 * may then submit only for those. Agents and tokens without the claim are not restricted.
 */
@RequestScoped
public class ChannelAccess {
    static final String CLAIM = "channels";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public ChannelAccess(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** Checks a submission's channel; an unknown channel is left to validation. */
    public void requireAllowed(String channel) {
        if (channel == null || !identity.hasRole("channel") || identity.hasRole("agent")
                || !token.containsClaim(CLAIM) || Arrays.stream(Channel.values()).noneMatch(c -> c.name().equals(channel))) {
            return;
        }
        if (!allowed(token.getClaim(CLAIM)).contains(channel)) {
            throw new ForbiddenException("this token may not submit for channel " + channel);
        }
    }

    private static Set<String> allowed(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(v -> v.toString().replace("\"", "")).collect(Collectors.toSet());
        }
        return Set.of(claim.toString().replace("\"", ""));
    }
}
