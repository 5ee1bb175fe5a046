package io.openvod.gateway.storage;

import io.openvod.gateway.account.SecretCipher;
import io.openvod.gateway.account.SecretUnreadableException;
import io.openvod.gateway.core.storage.AddressingStyle;
import io.openvod.gateway.core.storage.StorageConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/** Opens the connections statements read ({@link SealedConnection}): the one place their secrets are decrypted. */
@ApplicationScoped
public class StoredConnections {

    private final SecretCipher cipher;

    StoredConnections(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** @throws SecretUnreadableException (503) when no configured key decrypts its secret */
    public StorageConnection open(String location, SealedConnection sealed) {
        String secret = cipher.decrypt(sealed.secretCiphertext())
                .orElseThrow(() -> new SecretUnreadableException("storage location " + location));
        return new StorageConnection(location, URI.create(sealed.endpoint()), sealed.region(), sealed.bucket(),
                AddressingStyle.of(sealed.addressingStyle()).orElseThrow(), sealed.accessKeyId(), secret);
    }
}
