package org.tc260watch.notifier.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A key a standard is or was known by (current or previous), pointing at its origin key. */
@Entity
@Table(name = "standard_alias")
public class StandardAlias extends PanacheEntityBase {

    @Id
    @Column(name = "alias_key", length = 512)
    public String key;

    @Column(nullable = false, length = 512)
    public String origin;
}
