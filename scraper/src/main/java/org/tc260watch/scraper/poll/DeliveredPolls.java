package org.tc260watch.scraper.poll;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.scraper.config.ScraperConfig;

/**
 * What the polls delivered, i.e. what Kafka acknowledged: the last run of each source and when each source last read
 * the site. Readiness ({@link SiteHealthCheck}) and the gauge {@value #LAST_READ} are read from here. In memory.
 */
@Startup // started with the application: readiness counts its grace period from here
@Singleton
public class DeliveredPolls {

    /** Gauge, per source: epoch seconds of its last delivered run that was not FAILED. */
    public static final String LAST_READ = "tc260.last.successful.poll";

    /** One source's last delivered run, and when it last read the site (null: never since start-up). */
    public record SourceStatus(ScrapeRun lastRun, Instant lastRead) {
    }

    private final Instant startedAt = Instant.now();
    private final MeterRegistry registry;
    private final Optional<Duration> staleAfter;
    private final Map<String, SourceStatus> sources = new ConcurrentHashMap<>();
    private volatile Set<String> watched = Set.of();
    private volatile Instant lastPoll;

    @Inject
    public DeliveredPolls(MeterRegistry registry, ScraperConfig config) {
        this(registry, config.health().staleAfter().or(
                () -> ScheduledPoll.parseInterval(config.pollInterval()).map(every -> every.multipliedBy(3))));
    }

    public DeliveredPolls(MeterRegistry registry, Optional<Duration> staleAfter) {
        this.registry = registry;
        this.staleAfter = staleAfter;
    }

    /** The runs of one poll, all acknowledged by Kafka at {@code at}. */
    void delivered(List<ScrapeRun> runs, Instant at) {
        Set<String> names = new LinkedHashSet<>();
        for (ScrapeRun run : runs) {
            names.add(run.source());
            SourceStatus before = sources.get(run.source());
            Instant lastRead = run.health() != Health.FAILED ? run.finishedAt()
                    : before == null ? null : before.lastRead();
            if (before == null) {
                Gauge.builder(LAST_READ, this, polls -> polls.lastReadSeconds(run.source()))
                        .description("When the source last read the site (a delivered run that was not FAILED)")
                        .baseUnit("seconds").tag("source", run.source()).register(registry);
            }
            sources.put(run.source(), new SourceStatus(run, lastRead));
        }
        watched = Set.copyOf(names);
        lastPoll = at;
    }

    private double lastReadSeconds(String source) {
        SourceStatus status = sources.get(source);
        return status == null || status.lastRead() == null ? Double.NaN : status.lastRead().toEpochMilli() / 1000.0;
    }

    public Freshness freshness(Instant now) {
        Map<String, Instant> lastRead = new HashMap<>();
        sources.forEach((source, status) -> {
            if (status.lastRead() != null) {
                lastRead.put(source, status.lastRead());
            }
        });
        return Freshness.judge(now, startedAt, lastPoll, watched, lastRead, staleAfter);
    }

    /** The watched sources' statuses, by source name. */
    public Map<String, SourceStatus> watched() {
        Map<String, SourceStatus> result = new TreeMap<>();
        watched.forEach(source -> result.put(source, sources.get(source)));
        return result;
    }

    /** When the last poll was delivered; null before the first. */
    public Instant lastPoll() {
        return lastPoll;
    }

    public Optional<Duration> staleAfter() {
        return staleAfter;
    }
}
