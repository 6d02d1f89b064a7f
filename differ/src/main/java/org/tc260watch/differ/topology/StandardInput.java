package org.tc260watch.differ.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.tc260watch.differ.identity.IdentityResolver.Entity;
import org.tc260watch.events.Listing;
import org.tc260watch.events.Snapshot;

/**
 * What the standards processor reads, keyed by origin key: a snapshot with the identity resolved for it, or an item
 * that left its list for good (from the source gate, through {@link DifferTopology#COMMANDS_TOPIC}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StandardInput(Snapshot snapshot, Entity entity, Gone gone) {

    /** An item absent from K consecutive HEALTHY complete runs of the source that listed it. */
    record Gone(String itemKey, String source, Listing listing, Instant goneAt, String sourceUrl) {
    }

    static StandardInput observed(Snapshot snapshot, Entity entity) {
        return new StandardInput(snapshot, entity, null);
    }

    static StandardInput gone(Gone gone) {
        return new StandardInput(null, null, gone);
    }
}
