package org.tc260watch.differ.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import org.tc260watch.differ.identity.IdentityResolver.Entity;
import org.tc260watch.events.Listing;
import org.tc260watch.events.Snapshot;
import org.tc260watch.events.StandardState;

/**
 * What the standards processor reads, keyed by origin key, exactly one of: a snapshot with the identity resolved for
 * it; an item that left its list for good (from the source gate, through {@link DifferTopology#COMMANDS_TOPIC});
 * "you are now part of standard X" (from identity resolution, to the absorbed standard); or the absorbed standard's
 * state and items (from the absorbed standard's task to the survivor's, through the commands topic).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StandardInput(Snapshot snapshot, Entity entity, Gone gone, String mergeInto, Absorbed absorb) {

    /** A standard's state and item records, joining the standard its task sends them to. */
    record Absorbed(StandardState state, Map<String, ItemRecord> items) {
    }

    /** An item absent from K consecutive HEALTHY complete runs of the source that listed it. */
    record Gone(String itemKey, String source, Listing listing, Instant goneAt, String sourceUrl) {
    }

    static StandardInput observed(Snapshot snapshot, Entity entity) {
        return new StandardInput(snapshot, entity, null, null, null);
    }

    static StandardInput gone(Gone gone) {
        return new StandardInput(null, null, gone, null, null);
    }

    static StandardInput mergeInto(String survivorOrigin) {
        return new StandardInput(null, null, null, survivorOrigin, null);
    }

    static StandardInput absorb(StandardState state, Map<String, ItemRecord> items) {
        return new StandardInput(null, null, null, null, new Absorbed(state, items));
    }
}
