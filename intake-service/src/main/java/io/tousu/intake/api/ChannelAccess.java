package io.tousu.intake.api;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.tousu.intake.submission.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A channel system's token may list the channels it submits for ({@code channels} claim); it
 * may then submit only for those. Agents and tokens without the claim are not restricted.
 */
@ApplicationScoped
public class ChannelAccess {
    static final String CLAIM = "channels";
    private static final Set<String> KNOWN = Arrays.stream(Channel.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final SecurityIdentity identity;

    public ChannelAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Checks a submission's channel; an unknown channel is left to validation. Runs on every submission. */
    public void requireAllowed(String channel) {
        if (channel == null || !identity.hasRole("channel") || identity.hasRole("agent")) {
            return;
        }
        // The token from the identity at hand: the injectable JsonWebToken is made anew for every request.
        Object claim = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(CLAIM) : null;
        if (claim == null || !KNOWN.contains(channel)) {
            return;
        }
        if (!lists(claim, channel)) {
            throw new ForbiddenException("this token may not submit for channel " + channel);
        }
    }

    /** The claim is a JSON array (or one string); its values may print with their quotes. */
    private static boolean lists(Object claim, String channel) {
        if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                if (unquoted(value).equals(channel)) {
                    return true;
                }
            }
            return false;
        }
        return unquoted(claim).equals(channel);
    }

    private static String unquoted(Object value) {
        return value.toString().replace("\"", "");
    }
}
