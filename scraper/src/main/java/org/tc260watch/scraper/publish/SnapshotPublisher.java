package org.tc260watch.scraper.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.tc260watch.events.ScrapeRun;
import org.tc260watch.events.Snapshot;

/**
 * Publishes one run of one source: its snapshots (key = item key), and once Kafka acknowledged all of them, the
 * {@link ScrapeRun} (key = source), so a consumer that has read a run has read all its snapshots.
 */
@ApplicationScoped
public class SnapshotPublisher {

    /** Channel of {@link org.tc260watch.events.Topics#SNAPSHOTS}. */
    public static final String SNAPSHOTS_CHANNEL = "snapshots";
    /** Channel of {@link org.tc260watch.events.Topics#SCRAPE_RUNS}. */
    public static final String SCRAPE_RUNS_CHANNEL = "scrape-runs";

    @Inject
    @Channel(SNAPSHOTS_CHANNEL)
    // A run's snapshots are sent at once and awaited together; the poll lock bounds how many wait.
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<Snapshot> snapshots;

    @Inject
    @Channel(SCRAPE_RUNS_CHANNEL)
    MutinyEmitter<ScrapeRun> runs;

    /** Counter: snapshots acknowledged by Kafka, by {@code source}. */
    public static final String SNAPSHOTS_PUBLISHED = "tc260.snapshots.published";
    /** Counter: runs acknowledged by Kafka, by {@code source} and {@code health}. */
    public static final String RUNS_PUBLISHED = "tc260.scrape.runs.published";

    @Inject
    MeterRegistry registry;

    public void publish(List<Snapshot> items, ScrapeRun run, Duration timeout) throws PublishException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!items.isEmpty()) {
            List<Uni<Void>> acks = items.stream()
                    .map(snapshot -> snapshots.sendMessage(keyed(snapshot, snapshot.itemKey())))
                    .toList();
            await(Uni.join().all(acks).andFailFast().replaceWithVoid(), deadline,
                    items.size() + " snapshot(s) of " + run.source());
            Counter.builder(SNAPSHOTS_PUBLISHED).description("Snapshots acknowledged by Kafka")
                    .tag("source", run.source()).register(registry).increment(items.size());
        }
        await(runs.sendMessage(keyed(run, run.source())), deadline, "the scrape run of " + run.source());
        Counter.builder(RUNS_PUBLISHED).description("Scrape runs acknowledged by Kafka")
                .tag("source", run.source()).tag("health", run.health().name()).register(registry).increment();
    }

    private static <T> Message<T> keyed(T payload, String key) {
        return Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }

    private static void await(Uni<Void> acknowledged, long deadlineNanos, String what) throws PublishException {
        Duration left = Duration.ofNanos(Math.max(deadlineNanos - System.nanoTime(), 1_000_000));
        try {
            acknowledged.await().atMost(left);
        } catch (io.smallrye.mutiny.TimeoutException e) {
            throw new PublishException("Kafka did not acknowledge " + what + " in time (broker unreachable?)", e);
        } catch (RuntimeException e) {
            throw new PublishException("Kafka did not acknowledge " + what + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
