package io.openvod.gateway.account;

import io.openvod.gateway.core.validation.FileUrl;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Creates accounts and what they own. Used by the admin API, the demo account and the tests; never on the
 * RPC hot path.
 */
@ApplicationScoped
public class AccountProvisioning {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** The only moment a secret is readable: the caller must keep it. */
    public record IssuedKey(String accessKeyId, String accessKeySecret) {
    }

    private final SecretCipher cipher;
    private final AccountDirectory directory;
    private final SecureRandom random = new SecureRandom();

    public AccountProvisioning(SecretCipher cipher, AccountDirectory directory) {
        this.cipher = cipher;
        this.directory = directory;
    }

    public Uni<Account> createAccount(String name, Integer rateLimitPerSecond) {
        AccountEntity account = new AccountEntity();
        account.name = name;
        account.rateLimitPerSecond = rateLimitPerSecond;
        return Panache.withTransaction(() -> account.<AccountEntity>persist()).map(AccountEntity::toAccount);
    }

    public Uni<Account> findAccountByName(String name) {
        return Panache.withSession(() -> AccountEntity.<AccountEntity>find("name", name).firstResult())
                .map(entity -> entity == null ? null : entity.toAccount());
    }

    /** Null when there is no such account. */
    public Uni<Account> findAccount(long id) {
        return Panache.withSession(() -> AccountEntity.<AccountEntity>findById(id))
                .map(entity -> entity == null ? null : entity.toAccount());
    }

    /**
     * Sets (or with null, resets to the default) the account's rate limit. Its keys are dropped from the
     * AccessKey cache, which carries the account, so the change applies from the next call on this instance.
     *
     * @return the updated account, null when there is no such account
     */
    public Uni<Account> updateRateLimit(long id, Integer rateLimitPerSecond) {
        return Panache.withTransaction(() -> AccountEntity.<AccountEntity>findById(id).map(entity -> {
            if (entity == null) {
                return null;
            }
            entity.rateLimitPerSecond = rateLimitPerSecond;
            return entity.toAccount();
        })).call(account -> account == null ? Uni.createFrom().voidItem() : forgetKeysOf(id));
    }

    /** Deletes the account and everything it owns, media included. False when there was no such account. */
    public Uni<Boolean> deleteAccount(long id) {
        return forgetKeysOf(id)
                .chain(() -> Panache.withTransaction(() -> AccountEntity.delete("id", id)))
                .call(() -> forgetKeysOf(id))
                .map(deleted -> deleted > 0);
    }

    /** Issues a key pair; {@code id} and {@code secret} may be null to have them generated. Null without account. */
    public Uni<IssuedKey> issueAccessKey(long accountId, String id, String secret) {
        String keyId = id != null ? id : "LTAI" + randomText(20);
        String keySecret = secret != null ? secret : randomText(30);
        return Panache.withTransaction(() -> AccountEntity.<AccountEntity>findById(accountId).chain(account -> {
            if (account == null) {
                return Uni.createFrom().<IssuedKey>nullItem();
            }
            AccessKeyEntity key = new AccessKeyEntity();
            key.id = keyId;
            key.account = account;
            key.secretCiphertext = cipher.encrypt(keySecret);
            key.status = AccessKeyEntity.ACTIVE;
            return key.persist().replaceWith(new IssuedKey(keyId, keySecret));
        })).call(() -> directory.forget(keyId));
    }

    /** Activates or disables a key; takes effect at once on this instance. False when there is no such key. */
    public Uni<Boolean> setAccessKeyActive(String keyId, boolean active) {
        String status = active ? AccessKeyEntity.ACTIVE : AccessKeyEntity.INACTIVE;
        return Panache.withTransaction(() -> AccessKeyEntity.update("status = ?1 where id = ?2", status, keyId))
                .call(() -> directory.forget(keyId))
                .map(updated -> updated > 0);
    }

    public Uni<Boolean> deleteAccessKey(String keyId) {
        return Panache.withTransaction(() -> AccessKeyEntity.delete("id", keyId))
                .call(() -> directory.forget(keyId))
                .map(deleted -> deleted > 0);
    }

    public Uni<Boolean> removeStorageLocation(long accountId, String host) {
        return deleteOwned(StorageLocationEntity.class, "host", FileUrl.withoutDefaultPort(host.toLowerCase(Locale.ROOT)),
                accountId);
    }

    public Uni<Boolean> removeTemplateGroup(long accountId, String id) {
        return deleteOwned(TemplateGroupEntity.class, "id", id, accountId);
    }

    public Uni<Boolean> removeWorkflow(long accountId, String id) {
        return deleteOwned(WorkflowEntity.class, "id", id, accountId);
    }

    public Uni<Boolean> removeCategory(long accountId, long id) {
        return deleteOwned(CategoryEntity.class, "id", id, accountId);
    }

    private Uni<Boolean> deleteOwned(Class<?> entity, String idField, Object id, long accountId) {
        String hql = "delete from " + entity.getSimpleName() + " where " + idField + " = ?1 and accountId = ?2";
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createMutationQuery(hql).setParameter(1, id).setParameter(2, accountId)
                        .executeUpdate()))
                .map(deleted -> deleted > 0);
    }

    private Uni<Void> forgetKeysOf(long accountId) {
        return Panache.withSession(() -> AccessKeyEntity.<AccessKeyEntity>list("account.id", accountId))
                .chain(keys -> io.smallrye.mutiny.Multi.createFrom().iterable(keys)
                        .onItem().transformToUniAndConcatenate(key -> directory.forget(key.id))
                        .collect().last())
                .replaceWithVoid();
    }

    public Uni<Void> addStorageLocation(long accountId, String host) {
        StorageLocationEntity location = new StorageLocationEntity();
        location.host = FileUrl.withoutDefaultPort(host.toLowerCase(Locale.ROOT));
        location.accountId = accountId;
        return Panache.withTransaction(location::persist).replaceWithVoid();
    }

    public Uni<String> addTemplateGroup(long accountId, String id, String name) {
        TemplateGroupEntity group = new TemplateGroupEntity();
        group.id = id != null ? id : randomId();
        group.accountId = accountId;
        group.name = name;
        return Panache.withTransaction(group::persist).replaceWith(group.id);
    }

    public Uni<String> addWorkflow(long accountId, String id, String name) {
        WorkflowEntity workflow = new WorkflowEntity();
        workflow.id = id != null ? id : randomId();
        workflow.accountId = accountId;
        workflow.name = name;
        return Panache.withTransaction(workflow::persist).replaceWith(workflow.id);
    }

    public Uni<Long> addCategory(long accountId, String name) {
        CategoryEntity category = new CategoryEntity();
        category.accountId = accountId;
        category.name = name;
        return Panache.withTransaction(category::persist).map(ignored -> category.id);
    }

    private String randomId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }
}
