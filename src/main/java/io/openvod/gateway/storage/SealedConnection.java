package io.openvod.gateway.storage;

import io.vertx.mutiny.sqlclient.Row;
import java.util.Optional;

/**
 * A storage location's connection as a statement read it, its secret still encrypted. Repositories return this and
 * {@link StoredConnections#open} decrypts it outside them: a secret no key decrypts is not a database failure, and
 * must not count against a repository's circuit breaker.
 */
public record SealedConnection(String endpoint, String region, String bucket, String addressingStyle,
        String accessKeyId, byte[] secretCiphertext) {

    /**
     * The connection in a row that selected {@code storage_location}'s {@code endpoint}, {@code region},
     * {@code bucket}, {@code addressing_style}, {@code access_key_id} and {@code secret_ciphertext}; empty when the
     * location has none.
     */
    public static Optional<SealedConnection> in(Row row) {
        String endpoint = row.getString("endpoint");
        if (endpoint == null) {
            return Optional.empty();
        }
        return Optional.of(new SealedConnection(endpoint, row.getString("region"), row.getString("bucket"),
                row.getString("addressing_style"), row.getString("access_key_id"),
                row.getBuffer("secret_ciphertext").getBytes()));
    }
}
