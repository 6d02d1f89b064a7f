package org.tc260watch.notifier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-21T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final RateLimiter limiter = new RateLimiter(3, Duration.ofHours(1), clock);

    @Test
    void allowsTheLimitPerWindowThenSaysHowLongToWait() {
        assertThat(limiter.acquire("a")).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).contains(Duration.ofMinutes(50));
        // Other keys have their own count.
        assertThat(limiter.acquire("b")).isEmpty();
    }

    @Test
    void theWindowSlides() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a")).isEmpty();
            clock.now = clock.now.plus(Duration.ofMinutes(20));
        }
        // 60 minutes after the first request, that one has left the window; the other two have not.
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).contains(Duration.ofMinutes(20));
    }

    @Test
    void refusedRequestsDoNotCount() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.acquire("a")).isPresent();
        }
        clock.now = clock.now.plus(Duration.ofHours(1));
        assertThat(limiter.acquire("a")).isEmpty();
    }

    @Test
    void forgetsIdleKeys() {
        limiter.acquire("a");
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        limiter.acquire("b");
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        limiter.forgetIdle();
        assertThat(limiter.size()).isEqualTo(1);
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        limiter.forgetIdle();
        assertThat(limiter.size()).isZero();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RateLimiter(0, Duration.ofHours(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
