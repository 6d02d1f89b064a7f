package org.tc260watch.differ.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;

/**
 * What the differ knows of one source, to decide which detected changes are told. The first HEALTHY run of a source is
 * its baseline: it and every run before it fill state silently, so a new install never floods anyone.
 *
 * <p>Changes (via the standards processor) and run verdicts (straight from the scraper) reach the gate through
 * different partitions, in either order, so runs are told apart by time, not by arrival: runs of one source are
 * sequential, so a change observed after the baseline run finished belongs to a later run, and one observed earlier
 * to the baseline run or a run before it. Both times come from the scraper's clock.
 *
 * @param baselineRunId      the baseline run, null before the first healthy run
 * @param baselineFinishedAt when the baseline run finished
 * @param pending            changes waiting for the first healthy verdict
 */
public record SourceBaseline(String baselineRunId, Instant baselineFinishedAt, List<ChangeEvent> pending) {

    public static final SourceBaseline NEW = new SourceBaseline(null, null, List.of());

    public SourceBaseline {
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    public boolean baselined() {
        return baselineRunId != null;
    }

    /** @param next the new source state; @param released changes to tell now, in order */
    public record Decision(SourceBaseline next, List<ChangeEvent> released) {
    }

    /** A change was detected in run {@code runId} of this source. */
    public Decision onChange(String runId, ChangeEvent change) {
        if (baselined()) {
            boolean silent = runId.equals(baselineRunId) || !change.detectedAt().isAfter(baselineFinishedAt);
            return new Decision(this, silent ? List.of() : List.of(change));
        }
        List<ChangeEvent> buffered = new ArrayList<>(pending);
        buffered.add(change);
        return new Decision(new SourceBaseline(null, null, buffered), List.of());
    }

    /** The verdict on a run arrived. */
    public Decision onRun(ScrapeRun run) {
        if (baselined()) {
            return new Decision(this, List.of());
        }
        // Whatever was observed up to the end of this run is pre-baseline or baseline: silent either way.
        List<ChangeEvent> later = pending.stream().filter(c -> c.detectedAt().isAfter(run.finishedAt())).toList();
        if (run.health() == Health.HEALTHY) {
            return new Decision(new SourceBaseline(run.runId(), run.finishedAt(), List.of()), later);
        }
        return new Decision(new SourceBaseline(null, null, later), List.of());
    }
}
