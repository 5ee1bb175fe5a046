package io.openvod.gateway.auth;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** Picks the nonce store from {@code vod.auth.nonce-store}; Redis is only touched when chosen. */
@ApplicationScoped
public class NonceStores {

    private static final Logger LOG = Logger.getLogger(NonceStores.class);

    @Produces
    @ApplicationScoped
    NonceStore nonceStore(AuthConfig config, Instance<ReactiveRedisDataSource> redis) {
        if (config.nonceStore() == AuthConfig.NonceStoreKind.REDIS) {
            LOG.info("SignatureNonces are kept in Redis (shared by every instance)");
            RedisNonceStore store = new RedisNonceStore(redis.get(), config.timestampSkew());
            store.checkEvictionPolicy().subscribe().with(policy -> { }, failure -> { });
            return store;
        }
        LOG.info("SignatureNonces are kept in memory (single instance; set vod.auth.nonce-store=redis for several)");
        return new LocalNonceStore(config.timestampSkew(), config.nonceLocalMaxEntries());
    }
}
