package io.tousu.platform.security;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokenCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void aTokenIsRememberedUntilItExpires() {
        assertThat(VerifiedTokenCache.lifetime(expiringAt(NOW.plusSeconds(90)), NOW)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aLongLivedTokenIsRememberedForTenMinutesAtMost() {
        assertThat(VerifiedTokenCache.lifetime(expiringAt(NOW.plus(Duration.ofDays(365))), NOW))
                .isEqualTo(VerifiedTokenCache.MAX_AGE).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void anExpiredTokenIsNotRemembered() {
        assertThat(VerifiedTokenCache.lifetime(expiringAt(NOW.minusSeconds(1)), NOW)).isZero();
    }

    private static JsonWebToken expiringAt(Instant exp) {
        return (JsonWebToken) Proxy.newProxyInstance(JsonWebToken.class.getClassLoader(), new Class<?>[]{JsonWebToken.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getExpirationTime")) {
                        return exp.getEpochSecond();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
