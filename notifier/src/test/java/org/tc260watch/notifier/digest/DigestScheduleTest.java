package org.tc260watch.notifier.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;
import org.tc260watch.notifier.subscription.DeliveryMode;

class DigestScheduleTest {

    /** 08:00 in Shanghai is 00:00 UTC; weekly on Mondays. 2026-11-23 is a Monday. */
    private static final DigestSchedule SCHEDULE = new DigestSchedule(LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"),
            DayOfWeek.MONDAY);

    @Test
    void dailyRunIsTodayOnceTheTimeHasComeElseYesterday() {
        assertThat(SCHEDULE.latestDue(DeliveryMode.DAILY, Instant.parse("2026-11-25T00:00:00Z")))
                .isEqualTo(new DigestSchedule.Run(DeliveryMode.DAILY, LocalDate.of(2026, 11, 25),
                        Instant.parse("2026-11-25T00:00:00Z")));
        assertThat(SCHEDULE.latestDue(DeliveryMode.DAILY, Instant.parse("2026-11-24T23:59:59Z")))
                .isEqualTo(new DigestSchedule.Run(DeliveryMode.DAILY, LocalDate.of(2026, 11, 24),
                        Instant.parse("2026-11-24T00:00:00Z")));
        // 07:59 Shanghai on the 25th is still the 24th's run.
        assertThat(SCHEDULE.latestDue(DeliveryMode.DAILY, Instant.parse("2026-11-24T23:59:00Z")).date())
                .isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void weeklyRunIsTheLatestWeekdayAtTheTime() {
        assertThat(SCHEDULE.latestDue(DeliveryMode.WEEKLY, Instant.parse("2026-11-26T12:00:00Z")))
                .isEqualTo(new DigestSchedule.Run(DeliveryMode.WEEKLY, LocalDate.of(2026, 11, 23),
                        Instant.parse("2026-11-23T00:00:00Z")));
        // Monday 07:00 in Shanghai: last week's Monday.
        assertThat(SCHEDULE.latestDue(DeliveryMode.WEEKLY, Instant.parse("2026-11-22T23:00:00Z")).date())
                .isEqualTo(LocalDate.of(2026, 11, 16));
    }

    @Test
    void aRunNowBelongsToTodayOrThisWeekAndTakesEverythingUntilNow() {
        Instant now = Instant.parse("2026-11-25T15:00:00Z");
        assertThat(SCHEDULE.now(DeliveryMode.DAILY, now))
                .isEqualTo(new DigestSchedule.Run(DeliveryMode.DAILY, LocalDate.of(2026, 11, 25), now));
        assertThat(SCHEDULE.now(DeliveryMode.WEEKLY, now).date()).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void closingSoonIsOpenForCommentWithTheDeadlineInTheWindow() {
        LocalDate from = LocalDate.of(2026, 11, 23);
        StandardState in = state("in", Stage.COMMENT_DRAFT, from.plusDays(7), null);
        StandardState today = state("today", null, from, null);
        StandardState later = state("later", Stage.COMMENT_DRAFT, from.plusDays(8), null);
        StandardState past = state("past", Stage.COMMENT_DRAFT, from.minusDays(1), null);
        StandardState closed = state("closed", Stage.COMMENT_DRAFT, from.plusDays(2), from);
        StandardState moved = state("moved", Stage.APPROVAL_DRAFT, from.plusDays(2), null);
        assertThat(ClosingSoon.select(List.of(in, today, later, past, closed, moved), from, from.plusDays(7)))
                .extracting(StandardState::key).containsExactly("in", "today");
    }

    private static StandardState state(String key, Stage stage, LocalDate end, LocalDate closed) {
        return new StandardState(key, List.of(), key, ItemKind.COMMENT_DRAFT_NOTICE, stage, null, end, null, null,
                List.of(), List.of(), List.of(), Instant.EPOCH, Instant.EPOCH, 1).toBuilder().commentClosed(closed)
                .build();
    }
}
