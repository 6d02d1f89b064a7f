package org.tc260watch.notifier.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.tc260watch.notifier.subscription.DeliveryMode;

/**
 * When digests are due: daily at {@code time}, weekly on {@code weekday} at {@code time}, both in {@code zone}. Pure.
 */
public record DigestSchedule(LocalTime time, ZoneId zone, DayOfWeek weekday) {

    /**
     * One digest run: the day it belongs to (the unique key of its digests) and the instant up to which stored changes
     * go into it.
     */
    public record Run(DeliveryMode period, LocalDate date, Instant cutoff) {
    }

    /** The latest scheduled run at or before {@code now}: made up late if the service was down at the time. */
    public Run latestDue(DeliveryMode period, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate date = local.toLocalDate();
        if (period == DeliveryMode.WEEKLY) {
            date = date.with(TemporalAdjusters.previousOrSame(weekday));
        }
        ZonedDateTime at = date.atTime(time).atZone(zone);
        if (at.toInstant().isAfter(now)) {
            at = date.minusDays(period == DeliveryMode.WEEKLY ? 7 : 1).atTime(time).atZone(zone);
        }
        return new Run(period, at.toLocalDate(), at.toInstant());
    }

    /**
     * A run now, out of schedule (the admin trigger): the current day (weekly: the current week's {@code weekday}),
     * with everything stored until now. A run of the same day, scheduled or not, made before creates nothing again.
     */
    public Run now(DeliveryMode period, Instant now) {
        LocalDate date = now.atZone(zone).toLocalDate();
        if (period == DeliveryMode.WEEKLY) {
            date = date.with(TemporalAdjusters.previousOrSame(weekday));
        }
        return new Run(period, date, now);
    }
}
