package io.openvod.gateway.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "storage_location")
public class StorageLocationEntity extends PanacheEntityBase {

    @Id
    public String host;

    @Column(name = "account_id")
    public Long accountId;
}
