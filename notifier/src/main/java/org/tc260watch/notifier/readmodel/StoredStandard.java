package org.tc260watch.notifier.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.StandardState;

/**
 * The current state of one standard, from the compacted topic {@code tc260.standards}. Keyed by its origin key, which
 * stays while its public key migrates; {@link StandardAlias} maps every key it had to it.
 */
@Entity
@Table(name = "standard")
public class StoredStandard extends FacetedEntity {

    @Id
    @Column(length = 512)
    public String origin;

    /** The current public key ({@code StandardState.key}). */
    @Column(name = "std_key", nullable = false, length = 512)
    public String key;

    @Column(name = "comment_start")
    public LocalDate commentStart;

    @Column(name = "comment_end")
    public LocalDate commentEnd;

    @Column(name = "comment_closed")
    public LocalDate commentClosed;

    public LocalDate published;

    public LocalDate implementation;

    /** {@code StandardState.version}: an older state arriving late changes nothing. */
    @Column(nullable = false)
    public long version;

    /** When this row last changed. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The StandardState JSON as received (a plain VARCHAR column on both databases: see V5). */
    @Column(nullable = false, length = 1_000_000)
    public String payload;

    public StandardState state() {
        try {
            return EventJson.mapper().readValue(payload, StandardState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored standard " + origin + " is not a StandardState", e);
        }
    }
}
