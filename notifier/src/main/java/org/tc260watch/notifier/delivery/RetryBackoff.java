package org.tc260watch.notifier.delivery;

import java.time.Duration;

/**
 * Wait before the next attempt of a failed delivery: {@code initial} after the first failure, doubling with each
 * further one, never more than {@code max}. How many attempts are made is the sender's business
 * ({@code notifier.delivery.max-attempts}).
 */
public record RetryBackoff(Duration initial, Duration max) {

    public RetryBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** @param failures failed attempts so far, at least 1 */
    public Duration delayAfter(int failures) {
        Duration delay = initial;
        for (int i = 1; i < failures; i++) {
            delay = delay.multipliedBy(2);
            if (delay.compareTo(max) >= 0) {
                return max;
            }
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
