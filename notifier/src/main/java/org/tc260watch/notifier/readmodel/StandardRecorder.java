package org.tc260watch.notifier.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.matching.TopicTagger;

/**
 * Keeps the {@code standard} table equal to the compacted topic {@code tc260.standards}. Idempotent: a redelivered or
 * late, older state (lower version) changes nothing.
 * <p>
 * The topic is keyed by the public key, which migrates (draft title → GB/T number): the differ then writes the state
 * under the new key and a tombstone under the old one, in either order across partitions. Rows are therefore keyed
 * by the stable origin key, and a tombstone removes only a standard whose <em>current</em> key it names: the
 * tombstone of a migrated key finds none (or, arriving first, removes a row the new state brings back). A merged-away
 * standard's tombstone removes it; the survivor lists its key among its previous keys, so the alias still answers,
 * whichever of the two states came first.
 */
@ApplicationScoped
public class StandardRecorder {

    /** What {@link #apply} did. */
    public enum Outcome { STORED, STALE, REMOVED, NOTHING }

    private final TopicTagger tagger;
    private final Clock clock;

    public StandardRecorder(TopicTagger tagger, Clock clock) {
        this.tagger = tagger;
        this.clock = clock;
    }

    /**
     * @param key   the record key (the standard's public key)
     * @param state the value; null for a tombstone
     */
    @Transactional
    public Outcome apply(String key, StandardState state) {
        if (state == null) {
            return remove(key);
        }
        String origin = state.originKey();
        StoredStandard row = StoredStandard.findById(origin);
        if (row != null && row.version > state.version()) {
            return Outcome.STALE;
        }
        if (row == null) {
            row = new StoredStandard();
            row.origin = origin;
        }
        row.key = state.key() == null ? key : state.key();
        row.index(Facets.of(state, tagger, key));
        row.commentStart = state.commentStart();
        row.commentEnd = state.commentEnd();
        row.commentClosed = state.commentClosed();
        row.published = state.published();
        row.implementation = state.implementation();
        row.version = state.version();
        row.updatedAt = clock.instant();
        row.payload = toJson(state);
        row.persist();
        Set<String> keys = new LinkedHashSet<>();
        keys.add(row.key);
        keys.add(key);
        keys.addAll(state.previousKeys());
        for (String alias : keys) {
            StandardAlias mapping = StandardAlias.findById(alias);
            if (mapping == null) {
                mapping = new StandardAlias();
                mapping.key = alias;
            } else if (!mapping.origin.equals(origin) && absorbedBy(mapping.origin, alias)) {
                // The standard that merged this one in keeps its key for good: the two states are on different
                // partitions, and a replay may bring this one's own (last) state after the survivor's.
                continue;
            }
            mapping.origin = origin;
            mapping.persist();
        }
        return Outcome.STORED;
    }

    /** Whether the standard stored under {@code origin} lists {@code key} among its previous keys, not as its own. */
    private static boolean absorbedBy(String origin, String key) {
        StoredStandard other = StoredStandard.findById(origin);
        if (other == null || key.equals(other.key)) {
            return false;
        }
        try {
            return EventJson.mapper().readValue(other.payload, StandardState.class).previousKeys().contains(key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored standard " + origin + " is not readable", e);
        }
    }

    private Outcome remove(String key) {
        List<StoredStandard> gone = new ArrayList<>(StoredStandard.<StoredStandard>list("key", key));
        for (StoredStandard row : gone) {
            StandardAlias.delete("origin", row.origin);
            row.delete();
        }
        return gone.isEmpty() ? Outcome.NOTHING : Outcome.REMOVED;
    }

    private static String toJson(StandardState state) {
        try {
            return EventJson.mapper().writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write standard " + state.key() + " as JSON", e);
        }
    }
}
