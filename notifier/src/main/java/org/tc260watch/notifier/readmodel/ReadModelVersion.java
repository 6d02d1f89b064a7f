package org.tc260watch.notifier.readmodel;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.tc260watch.notifier.config.NotifierConfig;

/**
 * A token for the state of the stored changes, known without asking the database: a response rendered from the
 * changes under one token can be served again (or answered 304) for as long as the token stays the same. It changes
 * <ul>
 * <li>at once when this instance stores a change (after the commit) or tags the changes again;</li>
 * <li>within one {@code notifier.stream.poll-interval} (500 ms) when another instance does: the database is polled for
 * the highest sequence number, for the horizon below which every number has committed (the {@link SeqHorizon} of the
 * event stream: a number that commits late, below a higher one, moves the horizon) and for the fingerprint of the topic
 * rules the stored tags come from.</li>
 * </ul>
 * A number that commits more than {@code notifier.stream.gap-grace} after a higher one is past the horizon, as it is
 * for the event stream: it shows at the next change.
 */
@ApplicationScoped
public class ReadModelVersion {

    /** Fired when this instance wrote the changes; observed after the commit. */
    public record Written() {
    }

    /**
     * @param horizon every sequence number up to it has committed (or was waited for long enough)
     * @param newest  the highest committed sequence number
     * @param rules   fingerprint of the topic rules of the stored tags
     * @param local   how many writes of this instance were seen
     */
    public record Version(long horizon, long newest, String rules, long local) {
    }

    /** Numbers read per poll past the horizon (a poll after a long pause catches up in a few). */
    private static final int BATCH = 1000;

    private final ChangeQuery changes;
    private final ReadModelIndexer indexer;
    private final Clock clock;
    private final SeqHorizon seqHorizon;
    private final AtomicReference<Version> current = new AtomicReference<>();

    public ReadModelVersion(ChangeQuery changes, ReadModelIndexer indexer, Clock clock, NotifierConfig config) {
        this.changes = changes;
        this.indexer = indexer;
        this.clock = clock;
        this.seqHorizon = new SeqHorizon(config.stream().gapGrace());
    }

    /** The token now; the first call reads the database. */
    public Version current() {
        Version version = current.get();
        if (version == null) {
            poll();
            version = current.get();
        }
        return version;
    }

    void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) Written written) {
        current.updateAndGet(v -> v == null ? null : new Version(v.horizon(), v.newest(), v.rules(), v.local() + 1));
    }

    /** What every instance stored: one instance's changes reach the others' tokens by this poll. */
    @Scheduled(every = "${notifier.stream.poll-interval:500ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    synchronized void poll() {
        Version before = current.get();
        // A fresh instance starts at the top: the numbers below it had their chance to commit.
        long from = before == null ? changes.lastSeq() : before.horizon();
        List<Long> arrived = changes.arrivedAfter(from, BATCH);
        long horizon = seqHorizon.advance(from, arrived, clock.instant());
        // Read after the numbers above: at least as high as any of them.
        long newest = changes.lastSeq();
        String rules = String.valueOf(indexer.storedFingerprint());
        current.updateAndGet(v -> v != null && v.horizon() == horizon && v.newest() == newest && v.rules().equals(rules)
                ? v : new Version(horizon, newest, rules, v == null ? 0 : v.local()));
    }
}
