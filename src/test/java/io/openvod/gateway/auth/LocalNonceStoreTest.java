package io.openvod.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.gateway.core.envelope.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalNonceStoreTest {

    private static final Duration SKEW = Duration.ofMinutes(15);

    private final AtomicLong clock = new AtomicLong(Instant.parse("2026-12-06T08:00:00Z").toEpochMilli());
    private final LocalNonceStore store = new LocalNonceStore(SKEW, 1000, clock::get);

    private boolean firstUse(LocalNonceStore nonces, String key, String nonce, Instant timestamp) {
        return nonces.firstUse(key, nonce, timestamp).await().indefinitely();
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.get());
    }

    @Test
    void firstUseIsAcceptedAndReplayRefused() {
        assertThat(firstUse(store, "k", "n", now())).isTrue();
        assertThat(firstUse(store, "k", "n", now())).isFalse();
    }

    @Test
    void nonceIsScopedToItsAccessKey() {
        assertThat(firstUse(store, "k1", "n", now())).isTrue();
        assertThat(firstUse(store, "k2", "n", now())).isTrue();
    }

    @Test
    void replayAfterManyMoreCallsThanTheOldBoundIsStillRefused() {
        // The Caffeine store bounded at 1,000 forgot the first nonce after about 1,000 others (issue 17, defect 5).
        LocalNonceStore roomy = new LocalNonceStore(SKEW, 10_000, clock::get);
        Instant sent = now();
        assertThat(firstUse(roomy, "k", "first", sent)).isTrue();
        for (int i = 0; i < 3_000; i++) {
            assertThat(firstUse(roomy, "k", "other-" + i, now())).isTrue();
        }
        assertThat(firstUse(roomy, "k", "first", sent)).isFalse();
    }

    @Test
    void atTheBoundNewNoncesAreRefusedWith503AndNothingIsForgotten() {
        LocalNonceStore small = new LocalNonceStore(SKEW, 3, clock::get);
        for (String nonce : new String[] {"a", "b", "c"}) {
            assertThat(firstUse(small, "k", nonce, now())).isTrue();
        }

        assertThatThrownBy(() -> firstUse(small, "k", "d", now())).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).error().status()).isEqualTo(503));
        assertThat(firstUse(small, "k", "a", now())).isFalse();
    }

    @Test
    void nonceIsRememberedUntilItsOwnTimestampPlusTheSkew() {
        Instant sent = now().plus(Duration.ofMinutes(14)); // a caller whose clock runs 14 minutes ahead
        assertThat(firstUse(store, "k", "n", sent)).isTrue();

        clock.addAndGet(Duration.ofMinutes(28).toMillis()); // 30 minutes would be past now + skew already
        assertThat(firstUse(store, "k", "n", sent)).isFalse();
    }

    @Test
    void expiredSlicesAreDroppedWhole() {
        for (int i = 0; i < 100; i++) {
            firstUse(store, "k", "n" + i, now());
        }
        assertThat(store.size()).isEqualTo(100);

        clock.addAndGet(SKEW.plusMinutes(1).toMillis());
        firstUse(store, "k", "later", now());
        assertThat(store.size()).isEqualTo(1);
    }
}
