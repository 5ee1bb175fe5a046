package io.openvod.gateway.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "workflow")
public class WorkflowEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "account_id")
    public Long accountId;

    public String name;
}
