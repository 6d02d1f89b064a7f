package org.tc260watch.scraper.poll;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.SiteGeneration;

/**
 * Which site generation(s) the site serves, as the last polls saw it, and what the last poll found: for the poll
 * loop (whom to poll) and the health check (are we blind). In memory: after a restart every generation is probed.
 */
@Singleton
public class GenerationWatch {

    /** What one poll concluded. */
    public record Verdict(Instant at, Set<SiteGeneration> live, boolean blind, String note, List<ScrapeRun> runs) {
        public Verdict {
            live = live.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(live));
            runs = List.copyOf(runs);
        }
    }

    private volatile Set<SiteGeneration> live = Set.of();
    private volatile Set<SiteGeneration> lastKnown = Set.of();
    private volatile Instant lastFullProbe;
    private volatile Verdict last;

    /** The generations whose entry points answered last time; empty before the first poll and while blind. */
    public Set<SiteGeneration> live() {
        return live;
    }

    /** The last non-empty {@link #live()}: what we were watching before going blind. */
    public Set<SiteGeneration> lastKnown() {
        return lastKnown;
    }

    boolean fullProbeDue(Instant now, java.time.Duration interval) {
        Instant last = lastFullProbe;
        return last == null || !last.plus(interval).isAfter(now);
    }

    void probedAll(Instant at) {
        lastFullProbe = at;
    }

    void record(Verdict verdict) {
        live = verdict.live();
        if (!verdict.live().isEmpty()) {
            lastKnown = verdict.live();
        }
        last = verdict;
    }

    /** The last poll's verdict; null before the first poll. */
    public Verdict last() {
        return last;
    }

    static String describe(Set<SiteGeneration> generations) {
        return generations.isEmpty() ? "none" : EnumSet.copyOf(generations).stream().map(Enum::name)
                .collect(Collectors.joining(", "));
    }
}
