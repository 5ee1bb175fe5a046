package io.openvod.gateway.account;

import io.openvod.gateway.core.secret.SecretKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Encrypts AccessKey secrets at rest with AES-256-GCM under {@code vod.account.secret-encryption-key}, and decrypts
 * with it or one of {@code vod.account.previous-secret-encryption-keys}. The keys come from configuration, so a copy
 * of the database alone does not reveal any secret. {@link EncryptionKeyCheck} validates them at start.
 */
@ApplicationScoped
public class SecretCipher {

    private final SecretKeys keys;

    public SecretCipher(AccountConfig config) {
        this.keys = SecretKeys.parse(config.secretEncryptionKey(), config.previousSecretEncryptionKeys());
    }

    SecretKeys keys() {
        return keys;
    }

    public byte[] encrypt(String secret) {
        return keys.encrypt(secret);
    }

    /** Empty when no configured key decrypts it (another key, or a tampered row). */
    public Optional<String> decrypt(byte[] stored) {
        return keys.decrypt(stored);
    }
}
