package io.openvod.gateway.account;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.HexFormat;

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

    /** Issues a key pair; {@code id} and {@code secret} may be null to have them generated. */
    public Uni<IssuedKey> issueAccessKey(long accountId, String id, String secret) {
        String keyId = id != null ? id : "LTAI" + randomText(20);
        String keySecret = secret != null ? secret : randomText(30);
        return Panache.withTransaction(() -> AccountEntity.<AccountEntity>findById(accountId).chain(account -> {
            AccessKeyEntity key = new AccessKeyEntity();
            key.id = keyId;
            key.account = account;
            key.secretCiphertext = cipher.encrypt(keySecret);
            key.status = AccessKeyEntity.ACTIVE;
            return key.persist();
        })).call(() -> directory.forget(keyId)).replaceWith(new IssuedKey(keyId, keySecret));
    }

    public Uni<Void> addStorageLocation(long accountId, String host) {
        StorageLocationEntity location = new StorageLocationEntity();
        location.host = host.toLowerCase(java.util.Locale.ROOT);
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
