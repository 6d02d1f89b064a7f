package org.tc260watch.differ.detect;

import java.time.Instant;
import org.tc260watch.events.ScrapeRun;

/**
 * One run of one source being gathered: its snapshots and its verdict reach the differ through different partitions,
 * in either order. The run is settled once the verdict is in and as many sightings as it published.
 *
 * @param runId        the run
 * @param verdict      the run record, null until it arrives
 * @param seen         sightings of its snapshots so far
 * @param held         changes detected in it, held until it settles (they are netted for flapping)
 * @param observedAt   observation time of its snapshots, null until one arrives
 * @param arrivedAtMs  wall-clock time of its first record, to settle a run whose records never all arrive
 */
public record RunTally(String runId, ScrapeRun verdict, int seen, int held, Instant observedAt, long arrivedAtMs) {

    public boolean ready() {
        return verdict != null && seen >= verdict.items();
    }

    /** When the run happened: the end of the verdict, else its snapshots' observation time. */
    public Instant at() {
        return verdict != null ? verdict.finishedAt() : observedAt;
    }
}
