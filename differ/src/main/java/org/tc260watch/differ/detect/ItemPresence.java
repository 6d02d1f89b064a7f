package org.tc260watch.differ.detect;

import java.time.Instant;
import org.tc260watch.events.Listing;

/**
 * One item of a catalogue or open-for-comment list, for absence counting.
 *
 * @param itemKey    the item
 * @param origin     origin key of the standard it speaks of
 * @param listing    what its list means
 * @param sourceUrl  where it was seen
 * @param lastSeenAt last observation
 * @param missed     consecutive HEALTHY complete runs of its source it was absent from
 */
public record ItemPresence(String itemKey, String origin, Listing listing, String sourceUrl, Instant lastSeenAt,
        int missed) {
}
