package io.openvod.gateway.storage;

import io.openvod.gateway.account.SecretCipher;
import io.openvod.gateway.account.SecretUnreadableException;
import io.openvod.gateway.core.storage.AddressingStyle;
import io.openvod.gateway.core.storage.StorageConnection;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;

/**
 * Reads a storage location's connection out of a row that selected its columns ({@code endpoint}, {@code region},
 * {@code bucket}, {@code addressing_style}, {@code access_key_id}, {@code secret_ciphertext}), decrypting the secret:
 * for statements that join {@code storage_location} to what they read, so a connection costs no extra round trip.
 */
@ApplicationScoped
public class StoredConnections {

    private final SecretCipher cipher;

    StoredConnections(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * @return empty when the location has no connection
     * @throws SecretUnreadableException (503) when no configured key decrypts its secret
     */
    public Optional<StorageConnection> read(String location, Row row) {
        String endpoint = row.getString("endpoint");
        if (endpoint == null) {
            return Optional.empty();
        }
        String secret = cipher.decrypt(row.getBuffer("secret_ciphertext").getBytes())
                .orElseThrow(() -> new SecretUnreadableException("storage location " + location));
        return Optional.of(new StorageConnection(location, URI.create(endpoint), row.getString("region"),
                row.getString("bucket"), AddressingStyle.of(row.getString("addressing_style")).orElseThrow(),
                row.getString("access_key_id"), secret));
    }
}
