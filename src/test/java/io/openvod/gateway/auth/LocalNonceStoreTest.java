package io.openvod.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalNonceStoreTest {

    private final LocalNonceStore store = new LocalNonceStore(Duration.ofMinutes(30), 1000);

    @Test
    void firstUseIsAcceptedAndReplayRefused() {
        assertThat(store.firstUse("k", "n").await().indefinitely()).isTrue();
        assertThat(store.firstUse("k", "n").await().indefinitely()).isFalse();
    }

    @Test
    void nonceIsScopedToItsAccessKey() {
        assertThat(store.firstUse("k1", "n").await().indefinitely()).isTrue();
        assertThat(store.firstUse("k2", "n").await().indefinitely()).isTrue();
    }
}
