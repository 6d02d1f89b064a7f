package org.tc260watch.scraper.poll;

import java.util.List;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.Snapshot;

/**
 * The outcome of polling one source: the snapshots to publish, the run that vouches for them, and how the source's
 * entry point answered (null when not known, e.g. a result made outside the poll loop).
 */
public record SourceRunResult(ScrapeRun run, List<Snapshot> snapshots, EntryVerdict entry) {

    public SourceRunResult {
        snapshots = List.copyOf(snapshots);
    }

    public SourceRunResult(ScrapeRun run, List<Snapshot> snapshots) {
        this(run, snapshots, null);
    }
}
