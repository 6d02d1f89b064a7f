package org.tc260watch.differ.detect;

import java.time.Instant;
import org.tc260watch.events.Health;

/**
 * What the differ knows of one source (one page type of the site).
 *
 * @param baselineRunId      the source's first HEALTHY run, null before it: it and every run before it fill state
 *                           silently, so a new install never floods anyone
 * @param baselineFinishedAt when the baseline run finished (scraper clock)
 * @param health             the verdict on the last settled run, null before any
 * @param reason             why that run was not HEALTHY
 * @param lastSettledAt      the newest observation time of a settled run: a sighting at or before it arrives late
 * @param silencedStandards  standards filled silently before and at the baseline (told in source.baselined)
 */
public record SourceState(String baselineRunId, Instant baselineFinishedAt, Health health, String reason,
        Instant lastSettledAt, int silencedStandards) {

    public static final SourceState NEW = new SourceState(null, null, null, null, null, 0);

    public boolean baselined() {
        return baselineRunId != null;
    }

    /** True when a change observed at {@code observedAt} comes after the baseline and may be told. */
    public boolean tells(Instant observedAt) {
        return baselined() && observedAt.isAfter(baselineFinishedAt);
    }
}
