package org.tc260watch.scraper.poll;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.scraper.config.ScraperConfig;
import org.tc260watch.scraper.publish.PublishException;
import org.tc260watch.scraper.publish.SnapshotPublisher;
import org.tc260watch.scraper.source.SourceAdapter;

/**
 * One poll of the site: finds which site generation is live, reads its sources, and publishes each source's run
 * once Kafka acknowledged its snapshots. Polls never overlap.
 *
 * <p><b>Generations.</b> In steady state only the sources of the live generation(s) are read (the others' URLs
 * answer the homepage, a soft 404). Every generation's entry points (each source's list page 1) are probed at
 * start-up, every {@code full-recrawl-interval}, while blind, and in the same poll as soon as no entry point of a live
 * generation answers with its page type any more. A generation is live when at least one of its entry points answers
 * with its page type; several can be live at once (a migration). When the live set changes, the change is logged as
 * an error and said in the reason of the runs concerned: the retired generation's runs (FAILED, soft 404) and the new
 * generation's first runs (DEGRADED, never complete: its pages are new to us). When the site answers pages but no
 * entry point of any generation is recognised, the scraper is <em>blind</em>: every run is FAILED with the reason
 * {@code blind: no known page type answers (site redesigned?)}, logged as an error and shown in the readiness data
 * ({@code /q/health/ready}). A site that does not answer at all (refused, timeouts, 5xx) is not a redesign: the live
 * generation stays, and its runs are FAILED with the fetch error.
 *
 * <p><b>Absent page types.</b> A source of a live generation whose page 1 was a soft 404 is read again only every
 * {@code absent-recheck-interval}; in between, its last verdict is restated ({@link SourcePoller#restatedAbsence}),
 * published like a run but left out of the judgement of generations, and it is read at once whenever every entry
 * point is probed.
 *
 * <p>Which runs are published: those of the live generation's sources, and of a generation that just stopped being
 * live; when nothing was ever live (start-up of a blind or unreachable site), those of every source. Probes of other
 * generations that find nothing publish nothing.
 */
@Singleton
public class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class);
    public static final String BLIND = "blind: no known page type answers (site redesigned?)";

    private final ReentrantLock running = new ReentrantLock();
    private final List<SourceAdapter> adapters;
    private final SourcePoller sourcePoller;
    private final SnapshotPublisher publisher;
    private final GenerationWatch watch;
    private final Duration publishTimeout;
    private final Duration fullProbeInterval;
    private final DeliveredPolls delivered;
    private volatile Instant runningSince;

    @Inject
    public Poller(@Any Instance<SourceAdapter> adapters, SourcePoller sourcePoller, SnapshotPublisher publisher,
            GenerationWatch watch, ScraperConfig config, DeliveredPolls delivered) {
        this(adapters.stream().toList(), sourcePoller, publisher, watch, config.publishTimeout(),
                config.fullRecrawlInterval(), delivered);
    }

    public Poller(List<SourceAdapter> adapters, SourcePoller sourcePoller, SnapshotPublisher publisher,
            GenerationWatch watch, Duration publishTimeout, Duration fullProbeInterval, DeliveredPolls delivered) {
        this.delivered = delivered;
        this.adapters = adapters.stream().sorted(Comparator.comparing(SourceAdapter::source)).toList();
        this.sourcePoller = sourcePoller;
        this.publisher = publisher;
        this.watch = watch;
        this.publishTimeout = publishTimeout;
        this.fullProbeInterval = fullProbeInterval;
    }

    /**
     * Polls the site, waiting up to {@code wait} for a running poll to end; returns the published runs once Kafka
     * acknowledged everything.
     */
    public List<ScrapeRun> poll(Duration wait) throws PublishException, PollInProgressException {
        try {
            if (!running.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PollInProgressException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PollInProgressException();
        }
        try {
            runningSince = Instant.now();
            List<SourceRunResult> results = read();
            List<ScrapeRun> runs = new ArrayList<>();
            for (SourceRunResult result : results) {
                publisher.publish(result.snapshots(), result.run(), publishTimeout);
                runs.add(result.run());
            }
            delivered.delivered(runs, Instant.now());
            return runs;
        } finally {
            runningSince = null;
            running.unlock();
        }
    }

    /** When the poll that is running now started; null when none is. */
    public Instant runningSince() {
        return runningSince;
    }

    /** Reads the site and decides every run's verdict; publishes nothing. The runs to publish, in source order. */
    List<SourceRunResult> read() {
        Instant now = Instant.now();
        Set<SiteGeneration> live = watch.live();
        Set<SiteGeneration> before = live.isEmpty() ? watch.lastKnown() : live;
        boolean probeAll = live.isEmpty() || watch.fullProbeDue(now, fullProbeInterval);
        PollSession session = sourcePoller.newSession();
        Map<SourceAdapter, SourceRunResult> results = new LinkedHashMap<>();
        // Absent page types between their re-reads: restated, and left out of the judgement of generations below.
        Map<SourceAdapter, SourceRunResult> restated = new LinkedHashMap<>();
        for (SourceAdapter adapter : adapters) {
            if (probeAll || live.contains(adapter.generation())) {
                Optional<SourceRunResult> absent =
                        probeAll ? Optional.empty() : sourcePoller.restatedAbsence(adapter, now);
                if (absent.isPresent()) {
                    restated.put(adapter, absent.get());
                } else {
                    results.put(adapter, sourcePoller.poll(adapter, session));
                }
            }
        }
        Set<SiteGeneration> answering = answering(results);
        boolean liveStopped = live.stream().anyMatch(g -> !answering.contains(g) && results.entrySet().stream()
                .anyMatch(e -> e.getKey().generation() == g && e.getValue().entry() != null
                        && e.getValue().entry().answeredSomethingElse()));
        if (!probeAll && liveStopped) {
            LOG.warnf("No entry point of %s answers with its page type any more; probing every generation",
                    GenerationWatch.describe(live));
            for (SourceAdapter adapter : adapters) {
                results.computeIfAbsent(adapter, a -> sourcePoller.poll(a, session));
            }
            restated.clear(); // read now with the rest
            probeAll = true;
            answering.addAll(answering(results));
        }
        if (probeAll) {
            watch.probedAll(now);
        }
        boolean answeredSomething = results.values().stream()
                .anyMatch(r -> r.entry() != null && r.entry() != EntryVerdict.UNREACHABLE);

        Set<SiteGeneration> nowLive = EnumSet.noneOf(SiteGeneration.class);
        nowLive.addAll(answering);
        if (!answering.isEmpty()) {
            // A live generation whose entry points did not answer at all (errors) is unreachable, not gone.
            live.stream().filter(g -> results.entrySet().stream().filter(e -> e.getKey().generation() == g)
                    .allMatch(e -> e.getValue().entry() == EntryVerdict.UNREACHABLE)).forEach(nowLive::add);
        } else if (!answeredSomething) {
            nowLive.addAll(live); // the site is down or failing: that says nothing about its structure
        }
        boolean blind = nowLive.isEmpty() && answeredSomething;
        Map<SourceAdapter, SourceRunResult> all = new LinkedHashMap<>();
        for (SourceAdapter adapter : adapters) {
            SourceRunResult result = results.containsKey(adapter) ? results.get(adapter) : restated.get(adapter);
            if (result != null) {
                all.put(adapter, result);
            }
        }

        List<SourceRunResult> published = new ArrayList<>();
        String note = null;
        if (blind) {
            note = BLIND;
            LOG.errorf("BLIND: the site answers, but no entry point of any known generation answers with its page "
                    + "type (site redesigned?); was watching %s. Every run is FAILED until this is fixed.",
                    GenerationWatch.describe(before));
            for (Map.Entry<SourceAdapter, SourceRunResult> e : all.entrySet()) {
                if (before.isEmpty() || before.contains(e.getKey().generation())) {
                    published.add(blind(e.getValue()));
                }
            }
        } else {
            // Only a recognised generation can be a change; an unreachable site says nothing about its structure.
            boolean changed = !before.isEmpty() && !nowLive.isEmpty() && !nowLive.equals(before);
            if (changed) {
                note = "site generation changed: " + GenerationWatch.describe(before) + " → "
                        + GenerationWatch.describe(nowLive);
                LOG.errorf("SITE GENERATION CHANGED: %s → %s. Sources of %s are no longer polled; sources of %s "
                        + "are, and their first runs are DEGRADED.", GenerationWatch.describe(before),
                        GenerationWatch.describe(nowLive), GenerationWatch.describe(minus(before, nowLive)),
                        GenerationWatch.describe(minus(nowLive, before)));
            } else if (before.isEmpty() && !nowLive.isEmpty()) {
                LOG.infof("Site generation: %s", GenerationWatch.describe(nowLive));
            }
            for (Map.Entry<SourceAdapter, SourceRunResult> e : all.entrySet()) {
                SiteGeneration g = e.getKey().generation();
                boolean wanted = nowLive.contains(g) || before.contains(g) || (nowLive.isEmpty() && before.isEmpty());
                if (!wanted) {
                    continue;
                }
                SourceRunResult result = e.getValue();
                if (changed && !before.contains(g)) {
                    result = newGeneration(result, note);
                } else if (changed && !nowLive.contains(g)) {
                    result = annotated(result, result.run().health(), note);
                }
                published.add(result);
            }
        }
        watch.record(new GenerationWatch.Verdict(Instant.now(), nowLive, blind, note,
                published.stream().map(SourceRunResult::run).toList()));
        logSummary(published, nowLive, blind, session, Duration.between(now, Instant.now()));
        return published;
    }

    private static Set<SiteGeneration> answering(Map<SourceAdapter, SourceRunResult> results) {
        Set<SiteGeneration> answering = EnumSet.noneOf(SiteGeneration.class);
        results.forEach((adapter, result) -> {
            if (result.entry() == EntryVerdict.ANSWERS) {
                answering.add(adapter.generation());
            }
        });
        return answering;
    }

    private static Set<SiteGeneration> minus(Set<SiteGeneration> a, Set<SiteGeneration> b) {
        Set<SiteGeneration> d = a.isEmpty() ? EnumSet.noneOf(SiteGeneration.class) : EnumSet.copyOf(a);
        d.removeAll(b);
        return d;
    }

    private static SourceRunResult blind(SourceRunResult result) {
        ScrapeRun r = result.run();
        String own = r.reason() == null ? "" : "; " + r.source() + ": " + r.reason();
        return result.withRun(new ScrapeRun(r.runId(), r.source(), null, r.pagesFetched(), r.bytes(), 0,
                r.notModified(), r.errors(), Health.FAILED, BLIND + own, false, r.startedAt(), r.finishedAt()),
                List.of());
    }

    /** The first run of a newly live generation: its pages are new to us, so it is not trusted as complete yet. */
    private static SourceRunResult newGeneration(SourceRunResult result, String note) {
        Health health = result.run().health() == Health.HEALTHY ? Health.DEGRADED : result.run().health();
        return annotated(result, health, note + " (first poll of this generation)");
    }

    private static SourceRunResult annotated(SourceRunResult result, Health health, String note) {
        ScrapeRun r = result.run();
        String reason = r.reason() == null ? note : note + "; " + r.reason();
        return result.withRun(new ScrapeRun(r.runId(), r.source(), r.generation(), r.pagesFetched(), r.bytes(),
                r.items(), r.notModified(), r.errors(), health, reason, r.complete() && health == Health.HEALTHY,
                r.startedAt(), r.finishedAt()), result.snapshots());
    }

    private static void logSummary(List<SourceRunResult> published, Set<SiteGeneration> live, boolean blind,
            PollSession session, Duration took) {
        for (SourceRunResult result : published) {
            if (result.run().health() == Health.HEALTHY) {
                LOG.info(PollLog.source(result));
            } else {
                LOG.warn(PollLog.source(result));
            }
        }
        String line = PollLog.poll(published, GenerationWatch.describe(live), blind, session.requests(), took);
        long unhealthy = published.stream().filter(r -> r.run().health() != Health.HEALTHY).count();
        if (blind) {
            LOG.error(line);
        } else if (unhealthy > 0) {
            LOG.warn(line);
        } else {
            LOG.info(line);
        }
    }
}
