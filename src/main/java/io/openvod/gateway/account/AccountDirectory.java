package io.openvod.gateway.account;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Finds the AccessKey of a call. Every call needs it, so answers (including "no such key") are cached for
 * {@code quarkus.cache.caffeine."access-keys".expire-after-write}: a disabled key stops working on this instance
 * at once and on the others within that time.
 */
@ApplicationScoped
public class AccountDirectory {

    private final Cache cache;
    private final SecretCipher cipher;

    public AccountDirectory(@CacheName("access-keys") Cache cache, SecretCipher cipher) {
        this.cache = cache;
        this.cipher = cipher;
    }

    public Uni<Optional<AccessKey>> findAccessKey(String accessKeyId) {
        return cache.getAsync(accessKeyId, this::load);
    }

    public Uni<Void> forget(String accessKeyId) {
        return cache.invalidate(accessKeyId);
    }

    public Uni<Void> forgetAll() {
        return cache.invalidateAll();
    }

    private Uni<Optional<AccessKey>> load(String accessKeyId) {
        return Panache.withSession(() -> AccessKeyEntity
                .<AccessKeyEntity>find("from AccessKeyEntity k join fetch k.account where k.id = ?1", accessKeyId)
                .firstResult()
                .map(entity -> Optional.ofNullable(entity).map(this::toAccessKey)));
    }

    private AccessKey toAccessKey(AccessKeyEntity entity) {
        return new AccessKey(entity.id, entity.account.toAccount(), AccessKeyEntity.ACTIVE.equals(entity.status),
                cipher.decrypt(entity.secretCiphertext));
    }
}
