package io.openvod.gateway.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A bucket host an account registers files from; unique within the account. It may carry a connection to its bucket
 * (all six connection fields set, or none): then every new file is checked there before it is registered.
 */
@Entity
@Table(name = "storage_location")
public class StorageLocationEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String host;

    @Column(name = "account_id")
    public Long accountId;

    public String endpoint;

    public String region;

    public String bucket;

    @Column(name = "addressing_style")
    public String addressingStyle;

    @Column(name = "access_key_id")
    public String accessKeyId;

    /** AES-GCM under vod.account.secret-encryption-key ({@link SecretCipher}); never returned or logged. */
    @Column(name = "secret_ciphertext")
    public byte[] secretCiphertext;

    /** Sets all six connection fields at once: a location has a whole connection or none. */
    void connect(String newEndpoint, String newRegion, String newBucket, String newStyle, String newKeyId,
            byte[] newSecretCiphertext) {
        endpoint = newEndpoint;
        region = newRegion;
        bucket = newBucket;
        addressingStyle = newStyle;
        accessKeyId = newKeyId;
        secretCiphertext = newSecretCiphertext;
    }

    void disconnect() {
        connect(null, null, null, null, null, null);
    }
}
