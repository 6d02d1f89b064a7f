package org.tc260watch.notifier.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.EventJson;

/** A change event as received from {@code tc260.changes}; its JSON payload is served back unchanged. */
@Entity
@Table(name = "change_event")
public class StoredChange extends FacetedEntity {

    /** {@code ChangeEvent.id}: deterministic, so a redelivered change finds its row and does nothing. */
    @Id
    public String id;

    /**
     * Arrival order, from a database sequence (the column default {@code change_event_seq}, on every database): the
     * basis of the feed's order and cursors.
     */
    @Generated
    @Column(insertable = false, updatable = false, nullable = false)
    public Long seq;

    /** Wire name of the change type, e.g. {@code standard.added}. */
    @Column(nullable = false, length = 64)
    public String type;

    @Column(name = "standard_key", length = 512)
    public String standardKey;

    @Column(name = "detected_at")
    public Instant detectedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /**
     * The ChangeEvent JSON: unbounded text, read and written as a string. Not {@code @Lob}: on PostgreSQL that means a
     * large object ({@code oid}); the column is {@code CLOB} on H2 and {@code TEXT} on PostgreSQL.
     */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    public String payload;

    /** The change as published: the payload read back. */
    public ChangeEvent event() {
        try {
            return EventJson.mapper().readValue(payload, ChangeEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored change " + id + " is not a ChangeEvent", e);
        }
    }
}
