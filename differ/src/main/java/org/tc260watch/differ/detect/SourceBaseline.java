package org.tc260watch.differ.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;

/**
 * What the differ knows of one source, to decide which detected changes are told: the first HEALTHY run of a source is
 * its baseline and fills state silently, so a new install never floods anyone; so do the runs before it.
 *
 * <p>Changes and run verdicts reach the differ through different topics, in either order. Runs of one source are
 * sequential and arrive in order, so a change whose run verdict is not known yet is after the baseline if a baseline
 * exists, and is buffered otherwise until its verdict arrives.
 *
 * @param baselineRunId the baseline run, null before the first healthy run
 * @param silentRuns    recent runs whose changes are not told (the baseline and the runs before it)
 * @param pending       changes buffered per run while no baseline exists
 */
public record SourceBaseline(String baselineRunId, List<String> silentRuns, Map<String, List<ChangeEvent>> pending) {

    /** Bound on remembered silent runs; runs older than these are long done. */
    static final int MAX_SILENT_RUNS = 64;

    public static final SourceBaseline NEW = new SourceBaseline(null, List.of(), Map.of());

    public SourceBaseline {
        silentRuns = silentRuns == null ? List.of() : List.copyOf(silentRuns);
        pending = pending == null ? Map.of() : Map.copyOf(pending);
    }

    public boolean baselined() {
        return baselineRunId != null;
    }

    /** @param next the new source state; @param released changes to tell now, in order */
    public record Decision(SourceBaseline next, List<ChangeEvent> released) {
    }

    /** A change was detected in run {@code runId} of this source. */
    public Decision onChange(String runId, ChangeEvent change) {
        if (silentRuns.contains(runId)) {
            return new Decision(this, List.of());
        }
        if (baselined()) {
            return new Decision(this, List.of(change));
        }
        Map<String, List<ChangeEvent>> buffered = new LinkedHashMap<>(pending);
        List<ChangeEvent> forRun = new ArrayList<>(buffered.getOrDefault(runId, List.of()));
        forRun.add(change);
        buffered.put(runId, forRun);
        return new Decision(new SourceBaseline(baselineRunId, silentRuns, buffered), List.of());
    }

    /** The verdict on a run arrived. */
    public Decision onRun(ScrapeRun run) {
        if (baselined()) {
            // Nothing can be pending once baselined; a late verdict changes nothing.
            return new Decision(this, List.of());
        }
        // Before the baseline every run, this one included, fills state silently; anything still buffered belongs to
        // this run or to an earlier run that never finished.
        List<String> silent = new ArrayList<>(silentRuns);
        silent.add(run.runId());
        while (silent.size() > MAX_SILENT_RUNS) {
            silent.remove(0);
        }
        String baseline = run.health() == Health.HEALTHY ? run.runId() : null;
        return new Decision(new SourceBaseline(baseline, silent, Map.of()), List.of());
    }
}
