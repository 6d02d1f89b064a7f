package org.tc260watch.scraper.poll;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.scraper.config.ScraperConfig;
import org.tc260watch.scraper.publish.PublishException;
import org.tc260watch.scraper.publish.SnapshotPublisher;
import org.tc260watch.scraper.source.SourceAdapter;

/** One poll: every source in turn, each run published before the next source is read. Polls never overlap. */
@Singleton
public class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class);

    private final ReentrantLock running = new ReentrantLock();
    private final List<SourceAdapter> adapters;
    private final SourcePoller sourcePoller;
    private final SnapshotPublisher publisher;
    private final ScraperConfig config;

    @Inject
    public Poller(@Any Instance<SourceAdapter> adapters, SourcePoller sourcePoller, SnapshotPublisher publisher,
            ScraperConfig config) {
        this.adapters = adapters.stream().sorted(Comparator.comparing(SourceAdapter::source)).toList();
        this.sourcePoller = sourcePoller;
        this.publisher = publisher;
        this.config = config;
    }

    /**
     * Polls every source, waiting up to {@code wait} for a running poll to end; returns once Kafka acknowledged
     * everything.
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
            List<ScrapeRun> runs = new ArrayList<>();
            for (SourceAdapter adapter : adapters) {
                SourceRunResult result = sourcePoller.poll(adapter);
                log(result.run());
                publisher.publish(result.snapshots(), result.run(), config.publishTimeout());
                runs.add(result.run());
            }
            return runs;
        } finally {
            running.unlock();
        }
    }

    private static void log(ScrapeRun run) {
        if (run.health() == Health.HEALTHY) {
            LOG.infof("%s: HEALTHY, %d item(s) on %d page(s), complete=%s, run %s", run.source(), run.items(),
                    run.pagesFetched(), run.complete(), run.runId());
        } else {
            LOG.warnf("%s: %s, %d item(s) on %d page(s), complete=%s, run %s: %s", run.source(), run.health(),
                    run.items(), run.pagesFetched(), run.complete(), run.runId(), run.reason());
        }
    }
}
