package io.openvod.gateway.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A bucket host an account may register files from; several accounts may share one host. */
@Entity
@Table(name = "storage_location")
@IdClass(StorageLocationEntity.Key.class)
public class StorageLocationEntity extends PanacheEntityBase {

    @Id
    public String host;

    @Id
    @Column(name = "account_id")
    public Long accountId;

    public static class Key implements Serializable {
        public String host;
        public Long accountId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(host, key.host)
                    && java.util.Objects.equals(accountId, key.accountId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(host, accountId);
        }
    }
}
