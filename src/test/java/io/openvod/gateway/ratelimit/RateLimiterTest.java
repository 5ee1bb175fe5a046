package io.openvod.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.gateway.core.envelope.ApiException;
import java.util.Optional;
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

    @Test
    void anAccountsOwnRateWinsOverEveryConfiguredOne() {
        assertThat(RateLimiter.perSecond(7, 100, Optional.of(200), 50)).isEqualTo(7);
    }

    @Test
    void aRateConfiguredForTheActionWinsOverOneConfiguredForAll() {
        assertThat(RateLimiter.perSecond(null, 100, Optional.of(200), 50)).isEqualTo(100);
    }

    @Test
    void aRateConfiguredForAllActionsWinsOverTheActionsDefault() {
        assertThat(RateLimiter.perSecond(null, null, Optional.of(200), 50)).isEqualTo(200);
    }

    @Test
    void withNothingConfiguredTheActionsOwnDefaultApplies() {
        assertThat(RateLimiter.perSecond(null, null, Optional.empty(), 50)).isEqualTo(50);
    }
}
