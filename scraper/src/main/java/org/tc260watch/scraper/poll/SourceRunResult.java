package org.tc260watch.scraper.poll;

import java.util.List;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.Snapshot;

/** The outcome of polling one source: the snapshots to publish and the run that vouches for them. */
public record SourceRunResult(ScrapeRun run, List<Snapshot> snapshots) {

    public SourceRunResult {
        snapshots = List.copyOf(snapshots);
    }
}
