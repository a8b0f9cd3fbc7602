package io.tousu.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;

/**
 * Remembers bearer tokens that passed verification, until they expire. A channel system sends
 * the same token with every request, and checking its RSA signature each time was the costliest
 * step of a submission. Only a token that passed every check (signature, issuer, expiry) is
 * remembered, keyed by its exact text, and it is forgotten at its {@code exp} — or after
 * {@link #MAX_AGE}, so that a rotated verification key takes effect within minutes.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokenCache implements JWTParser {
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final int MAX_TOKENS = 10_000;

    @Inject
    @Delegate
    @Any
    JWTParser parser;

    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfter(Expiry.<String, JsonWebToken>creating((token, jwt) -> lifetime(jwt, Instant.now())))
            .build();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken jwt = parser.parse(token);
        verified.put(token, jwt);
        return jwt;
    }

    /** How long a verified token may be remembered: until it expires, and at most {@link #MAX_AGE}. */
    static Duration lifetime(JsonWebToken jwt, Instant now) {
        Duration left = Duration.between(now, Instant.ofEpochSecond(jwt.getExpirationTime()));
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(MAX_AGE) < 0 ? left : MAX_AGE;
    }
}
