package org.tc260watch.notifier.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} requests per key in any {@code window} (a sliding window: the times of the last
 * {@code limit} requests are kept per key). In memory: per instance, and forgotten on restart.
 */
public class RateLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> hits = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs limit >= 1 and a positive window, got " + limit
                    + " per " + window);
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Counts a request for {@code key} if the limit allows it. A refused request is not counted, so a client that
     * waits as told gets through.
     *
     * @return empty when allowed; otherwise how long until the key may make its next request
     */
    public Optional<Duration> acquire(String key) {
        Instant now = clock.instant();
        Duration[] wait = new Duration[1];
        // compute() runs atomically per key: two requests cannot both take the last place.
        hits.compute(key, (k, times) -> {
            Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            forgetOld(kept, now);
            if (kept.size() >= limit) {
                wait[0] = Duration.between(now, kept.peekFirst().plus(window));
            } else {
                kept.addLast(now);
            }
            return kept;
        });
        return Optional.ofNullable(wait[0]);
    }

    /** Drops the keys without a request in the window, so that memory follows recent traffic only. */
    public void forgetIdle() {
        Instant now = clock.instant();
        for (String key : hits.keySet()) {
            // Per key and atomic, as in acquire(); returning null removes the key.
            hits.computeIfPresent(key, (k, times) -> {
                forgetOld(times, now);
                return times.isEmpty() ? null : times;
            });
        }
    }

    /** Keys currently remembered. */
    public int size() {
        return hits.size();
    }

    private void forgetOld(Deque<Instant> times, Instant now) {
        Instant start = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
            times.removeFirst();
        }
    }
}
