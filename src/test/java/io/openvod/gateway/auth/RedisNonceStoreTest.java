package io.openvod.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
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
        RedisNonceStore one = new RedisNonceStore(redis, Duration.ofMinutes(30));
        RedisNonceStore other = new RedisNonceStore(redis, Duration.ofMinutes(30));

        assertThat(one.firstUse(keyId, nonce).await().indefinitely()).isTrue();
        assertThat(other.firstUse(keyId, nonce).await().indefinitely()).isFalse();
    }

    @Test
    void nonceIsScopedToItsAccessKey() {
        String nonce = UUID.randomUUID().toString();
        RedisNonceStore store = new RedisNonceStore(redis, Duration.ofMinutes(30));

        assertThat(store.firstUse(keyId, nonce).await().indefinitely()).isTrue();
        assertThat(store.firstUse(keyId + "x", nonce).await().indefinitely()).isTrue();
    }

    @Test
    void nonceExpiresWithTheTimestampWindow() {
        String nonce = UUID.randomUUID().toString();
        new RedisNonceStore(redis, Duration.ofMinutes(30)).firstUse(keyId, nonce).await().indefinitely();

        long ttl = redis.key().pttl(RedisNonceStore.PREFIX + keyId + ":" + nonce).await().indefinitely();
        assertThat(ttl).isBetween(Duration.ofMinutes(29).toMillis(), Duration.ofMinutes(30).toMillis());
    }
}
