package io.openvod.gateway.account;

import com.github.benmanes.caffeine.cache.AsyncCache;
import io.openvod.gateway.database.DatabaseFailures;
import io.openvod.gateway.database.StatementDeadline;
import io.openvod.gateway.plumbing.Caches;
import io.openvod.gateway.plumbing.Contexts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Finds the AccessKey of a call. Every call needs it, so answers (including "no such key") are cached for
 * {@code vod.account.access-key-cache.ttl}: a disabled key stops working on this instance at once and on the others
 * within that time.
 * <p>
 * A Caffeine cache used directly rather than Quarkus's cache: a hit is answered on the spot, where the Quarkus cache
 * hands every answer, hits included, back through the event loop's task queue, which was a visible share of a
 * throttled call. Concurrent misses for one key share one database load.
 */
@ApplicationScoped
public class AccountDirectory {

    private final AsyncCache<String, Optional<AccessKey>> cache;
    private final SecretCipher cipher;
    private final StatementDeadline deadline;

    public AccountDirectory(AccountConfig config, SecretCipher cipher, StatementDeadline deadline) {
        this.cache = Caches.onCallingThread()
                .expireAfterWrite(config.accessKeyCache().ttl())
                .maximumSize(config.accessKeyCache().maximumSize())
                .buildAsync();
        this.cipher = cipher;
        this.deadline = deadline;
    }

    public Uni<Optional<AccessKey>> findAccessKey(String accessKeyId) {
        CompletableFuture<Optional<AccessKey>> known = cache.getIfPresent(accessKeyId);
        if (known != null && known.isDone() && !known.isCompletedExceptionally()) {
            return Uni.createFrom().item(known.join());
        }
        // A failed load is dropped by Caffeine, so the next call tries the database again. Someone else's load
        // completes on their event loop: carry on on ours.
        return Contexts.resumeOnCaller(Uni.createFrom().completionStage(
                cache.get(accessKeyId, (id, executor) -> load(id).subscribeAsCompletionStage())));
    }

    public Uni<Void> forget(String accessKeyId) {
        cache.synchronous().invalidate(accessKeyId);
        return Uni.createFrom().voidItem();
    }

    public Uni<Void> forgetAll() {
        cache.synchronous().invalidateAll();
        return Uni.createFrom().voidItem();
    }

    private Uni<Optional<AccessKey>> load(String accessKeyId) {
        return deadline.apply(Panache.withSession(() -> AccessKeyEntity
                .<AccessKeyEntity>find("from AccessKeyEntity k join fetch k.account where k.id = ?1", accessKeyId)
                .firstResult()
                .map(entity -> Optional.ofNullable(entity).map(this::toAccessKey))))
                .onFailure().transform(DatabaseFailures::translate);
    }

    private AccessKey toAccessKey(AccessKeyEntity entity) {
        return new AccessKey(entity.id, entity.account.toAccount(), AccessKeyEntity.ACTIVE.equals(entity.status),
                cipher.decrypt(entity.secretCiphertext).orElseThrow(() -> new SecretUnreadableException("AccessKey " + entity.id)));
    }
}
