package org.tc260watch.scraper.poll;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;

/**
 * The log lines of a poll: one per source run, one per poll, in {@code key=value} form so a person can read them and
 * a log search can filter them. {@code new}/{@code changed} count listed items new to this process (after a restart,
 * every item) or whose list entry changed; what changed for a standard is the differ's to say.
 */
final class PollLog {

    private PollLog() {
    }

    /** {@code portal.suggestion: HEALTHY items=3 new=0 changed=1 pages=4 not-modified=3 bytes=12.3kB took=0.4s …}. */
    static String source(SourceRunResult result) {
        ScrapeRun run = result.run();
        String line = String.format(Locale.ROOT, "%s: %s items=%d new=%d changed=%d pages=%d not-modified=%d bytes=%s "
                + "took=%s complete=%s run=%s", run.source(), run.health(), run.items(), result.newItems(),
                result.changedItems(), run.pagesFetched(), run.notModified(), size(run.bytes()),
                seconds(Duration.between(run.startedAt(), run.finishedAt())), run.complete(), run.runId());
        return run.reason() == null ? line : line + " reason=" + run.reason();
    }

    /** {@code tc260 poll: generation=PORTAL blind=false runs=7 healthy=7 degraded=0 failed=0 items=… took=…}. */
    static String poll(List<SourceRunResult> published, String generation, boolean blind, int requests,
            Duration took) {
        List<ScrapeRun> runs = published.stream().map(SourceRunResult::run).toList();
        return String.format(Locale.ROOT, "tc260 poll: generation=%s blind=%s runs=%d healthy=%d degraded=%d "
                + "failed=%d items=%d new=%d changed=%d requests=%d not-modified=%d bytes=%s took=%s", generation,
                blind, runs.size(), count(runs, Health.HEALTHY), count(runs, Health.DEGRADED),
                count(runs, Health.FAILED), runs.stream().mapToInt(ScrapeRun::items).sum(),
                published.stream().mapToInt(SourceRunResult::newItems).sum(),
                published.stream().mapToInt(SourceRunResult::changedItems).sum(), requests,
                runs.stream().mapToInt(ScrapeRun::notModified).sum(), size(runs.stream().mapToLong(ScrapeRun::bytes)
                        .sum()), seconds(took));
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + "B" : String.format(Locale.ROOT, "%.1fkB", bytes / 1024.0);
    }

    private static long count(List<ScrapeRun> runs, Health health) {
        return runs.stream().filter(r -> r.health() == health).count();
    }
}
