package io.openvod.gateway.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "access_key")
public class AccessKeyEntity extends PanacheEntityBase {

    public static final String ACTIVE = "Active";
    public static final String INACTIVE = "Inactive";

    @Id
    public String id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "account_id")
    public AccountEntity account;

    @Column(name = "secret_ciphertext")
    public byte[] secretCiphertext;

    public String status;
}
