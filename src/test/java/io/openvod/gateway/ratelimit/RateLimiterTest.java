package io.openvod.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.core.envelope.ApiException;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void refusalIsThrottlingUserWithMillisecondsAndWholeSecondsRoundedUp() {
        ApiException shortWait = RateLimiter.throttled(20);
        assertThat(shortWait.error().status()).isEqualTo(400);
        assertThat(shortWait.error().code()).isEqualTo("Throttling.User");
        assertThat(shortWait.headers()).containsEntry("x-acs-retry-after", "20").containsEntry("Retry-After", "1");

        assertThat(RateLimiter.throttled(1000).headers()).containsEntry("Retry-After", "1");
        assertThat(RateLimiter.throttled(1001).headers()).containsEntry("Retry-After", "2");
    }
}
