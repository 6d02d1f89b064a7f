package org.tc260watch.differ.topology;

import java.time.Instant;
import java.util.List;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.Listing;

/**
 * One snapshot applied, told to the source gate (keyed by source): it counts the run's snapshots, tracks which items
 * are still listed, and holds the changes detected until the run settles.
 */
record Sighting(String source, String runId, String itemKey, String origin, Listing listing, String sourceUrl,
        Instant observedAt, List<ChangeEvent> changes) {

    Sighting {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
