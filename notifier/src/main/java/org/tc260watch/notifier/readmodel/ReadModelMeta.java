package org.tc260watch.notifier.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A fact about the read model itself, e.g. the fingerprint of the topic rules its tags were computed with. */
@Entity
@Table(name = "read_model_meta")
public class ReadModelMeta extends PanacheEntityBase {

    /** The fingerprint of the topic rules ({@code TopicTagger#fingerprint()}) the stored tags come from. */
    public static final String TOPIC_RULES = "topic-rules";

    @Id
    @Column(name = "meta_key", length = 64)
    public String key;

    @Column(name = "meta_value", nullable = false, length = 256)
    public String value;
}
