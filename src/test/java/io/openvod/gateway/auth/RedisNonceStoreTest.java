package io.openvod.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The shared nonce store against the real Redis: what one instance records, every instance sees. */
@QuarkusTest
class RedisNonceStoreTest {

    @Inject
    ReactiveRedisDataSource redis;

    private final String keyId = "LTAItest" + UUID.randomUUID();

    @Test
    void firstUseIsAcceptedAndReplayIsRefusedEvenFromAnotherInstance() {
        String nonce = UUID.randomUUID().toString();
        RedisNonceStore one = new RedisNonceStore(redis, Duration.ofMinutes(15));
        RedisNonceStore other = new RedisNonceStore(redis, Duration.ofMinutes(15));

        assertThat(one.firstUse(keyId, nonce, Instant.now()).await().indefinitely()).isTrue();
        assertThat(other.firstUse(keyId, nonce, Instant.now()).await().indefinitely()).isFalse();
    }

    @Test
    void nonceIsScopedToItsAccessKey() {
        String nonce = UUID.randomUUID().toString();
        RedisNonceStore store = new RedisNonceStore(redis, Duration.ofMinutes(15));

        assertThat(store.firstUse(keyId, nonce, Instant.now()).await().indefinitely()).isTrue();
        assertThat(store.firstUse(keyId + "x", nonce, Instant.now()).await().indefinitely()).isTrue();
    }

    @Test
    void nonceLivesUntilItsOwnTimestampPlusTheSkew() {
        String nonce = UUID.randomUUID().toString();
        Instant ahead = Instant.now().plus(Duration.ofMinutes(10)); // a caller whose clock runs 10 minutes ahead
        new RedisNonceStore(redis, Duration.ofMinutes(15)).firstUse(keyId, nonce, ahead).await().indefinitely();

        long ttl = redis.key().pttl(RedisNonceStore.PREFIX + keyId + ":" + nonce).await().indefinitely();
        assertThat(ttl).isBetween(Duration.ofMinutes(24).toMillis(), Duration.ofMinutes(25).toMillis());
    }

    @Test
    void evictionPolicyIsReadAtStart() {
        // The shared test Redis runs with noeviction; a policy that may evict nonces is logged as a warning.
        assertThat(new RedisNonceStore(redis, Duration.ofMinutes(15)).checkEvictionPolicy().await().indefinitely())
                .isEqualTo("noeviction");
    }
}
