package org.tc260watch.scraper.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Is the scraper doing its job? The rule behind readiness, on plain values so it is tested without a clock.
 *
 * <ul>
 *   <li>STARTING (ready): no poll delivered yet, and the instance started less than {@code staleAfter} ago. A first
 *   full read at a polite pace takes minutes, and a rolling update must not wait for it.</li>
 *   <li>STALE (not ready): no poll delivered to Kafka for {@code staleAfter} (the scheduler stopped, polls hang or
 *   throw, or the broker does not acknowledge).</li>
 *   <li>FAILING (not ready): polls are delivered, but no watched source read the site (a run that was not FAILED)
 *   for {@code staleAfter}: the site is down, or the scraper is blind. A short outage stays ready.</li>
 *   <li>FRESH (ready): otherwise.</li>
 * </ul>
 * Without a {@code staleAfter} (scheduled polls off) nothing goes stale.
 */
public record Freshness(Status status, String reason) {

    public enum Status {
        STARTING(true), FRESH(true), STALE(false), FAILING(false);

        private final boolean ready;

        Status(boolean ready) {
            this.ready = ready;
        }

        public boolean ready() {
            return ready;
        }
    }

    /**
     * @param startedAt  when this instance started
     * @param lastPoll   when the last poll's runs were acknowledged by Kafka; null before the first
     * @param watched    the sources of the last delivered poll (those of the live site generation)
     * @param lastRead   per source, when it last delivered a run that was not FAILED; absent when it never did
     * @param staleAfter how old these may get; empty for never
     */
    public static Freshness judge(Instant now, Instant startedAt, Instant lastPoll, Set<String> watched,
            Map<String, Instant> lastRead, Optional<Duration> staleAfter) {
        if (staleAfter.isEmpty()) {
            return lastPoll == null ? new Freshness(Status.STARTING, "no poll delivered yet")
                    : new Freshness(Status.FRESH, "never stale (no scheduled polls)");
        }
        Instant limit = now.minus(staleAfter.get());
        if (lastPoll == null) {
            return startedAt.isAfter(limit)
                    ? new Freshness(Status.STARTING, "no poll delivered yet; started at " + startedAt)
                    : new Freshness(Status.STALE, "no poll delivered since start-up at " + startedAt + ", "
                            + staleAfter.get() + " ago or more");
        }
        if (!lastPoll.isAfter(limit)) {
            return new Freshness(Status.STALE, "last poll delivered at " + lastPoll + ", " + staleAfter.get()
                    + " ago or more");
        }
        // A source that never read counts from start-up, so a fresh instance is not FAILING at its first failure.
        boolean noneRead = !watched.isEmpty() && watched.stream()
                .map(source -> latest(lastRead.get(source), startedAt))
                .noneMatch(read -> read.isAfter(limit));
        if (noneRead) {
            return new Freshness(Status.FAILING, "no source read the site for " + staleAfter.get()
                    + " (every run FAILED)");
        }
        return new Freshness(Status.FRESH, "last poll delivered at " + lastPoll);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
