package org.tc260watch.scraper.poll;

import java.util.List;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.Snapshot;

/**
 * The outcome of polling one source: the snapshots to publish, the run that vouches for them, how the source's
 * entry point answered (null when not known, e.g. a result made outside the poll loop), and how many listed items were
 * new to this process or had a changed list entry (for the log).
 */
public record SourceRunResult(ScrapeRun run, List<Snapshot> snapshots, EntryVerdict entry, int newItems,
        int changedItems) {

    public SourceRunResult {
        snapshots = List.copyOf(snapshots);
    }

    /** This result with another run (a verdict the poll loop revised), everything else kept. */
    public SourceRunResult withRun(ScrapeRun revised, List<Snapshot> published) {
        return new SourceRunResult(revised, published, entry, newItems, changedItems);
    }
}
