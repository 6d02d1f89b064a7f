package org.tc260watch.scraper.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tc260watch.scraper.poll.Freshness.Status;

class FreshnessTest {

    private static final Optional<Duration> WINDOW = Optional.of(Duration.ofMinutes(90));
    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private static final Set<String> WATCHED = Set.of("a", "b");

    private static Instant at(int minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    private static Status judge(int now, Integer lastPoll, Map<String, Instant> lastRead) {
        return Freshness.judge(at(now), START, lastPoll == null ? null : at(lastPoll), WATCHED, lastRead, WINDOW)
                .status();
    }

    @Test
    void beforeTheFirstPollItIsReadyForOneWindowAfterStartUp() {
        assertThat(judge(89, null, Map.of())).isEqualTo(Status.STARTING);
        assertThat(Status.STARTING.ready()).isTrue();
        assertThat(judge(90, null, Map.of())).isEqualTo(Status.STALE);
    }

    @Test
    void aPollDeliveredWithinTheWindowIsFreshAndOneOlderIsStale() {
        assertThat(judge(100, 30, Map.of("a", at(30)))).isEqualTo(Status.FRESH);
        assertThat(judge(120, 30, Map.of("a", at(30)))).isEqualTo(Status.STALE);
        assertThat(Status.STALE.ready()).isFalse();
    }

    @Test
    void oneSourceThatStillReadsTheSiteKeepsItReady() {
        assertThat(judge(200, 190, Map.of("a", at(10), "b", at(190)))).isEqualTo(Status.FRESH);
    }

    @Test
    void whenNoSourceReadTheSiteForAWindowItIsFailing() {
        Freshness blind = Freshness.judge(at(200), START, at(190), WATCHED, Map.of("a", at(100), "b", at(30)), WINDOW);

        assertThat(blind.status()).isEqualTo(Status.FAILING);
        assertThat(blind.status().ready()).isFalse();
        assertThat(blind.reason()).contains("every run FAILED");
    }

    @Test
    void aSourceThatNeverReadCountsFromStartUpSoAShortOutageAtStartIsNoFailure() {
        assertThat(judge(30, 20, Map.of())).isEqualTo(Status.FRESH);
        assertThat(judge(95, 92, Map.of())).isEqualTo(Status.FAILING);
    }

    @Test
    void withoutAWindowNothingGoesStale() {
        assertThat(Freshness.judge(at(10_000), START, null, WATCHED, Map.of(), Optional.empty()).status())
                .isEqualTo(Status.STARTING);
        assertThat(Freshness.judge(at(10_000), START, at(1), WATCHED, Map.of(), Optional.empty()).status())
                .isEqualTo(Status.FRESH);
    }
}
