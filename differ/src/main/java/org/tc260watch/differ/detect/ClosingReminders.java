package org.tc260watch.differ.detect;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;

/**
 * "Comments close in 7 days": which reminder, if any, is due for a standard open for comment. Once per threshold per
 * deadline: a moved deadline starts its reminders afresh. A reminder noticed late (the differ was down) sends only the
 * nearest threshold, never a burst of stale ones.
 *
 * @param days thresholds in days before the deadline, e.g. 7 and 1
 */
public record ClosingReminders(List<Integer> days) {

    /** Deadlines are China-local calendar dates ("截止时间为 … 24:00"). */
    public static final ZoneId SITE_ZONE = ZoneId.of("Asia/Shanghai");

    public ClosingReminders {
        days = List.copyOf(new TreeSet<>(days).descendingSet());
    }

    /**
     * @param threshold the threshold the reminder is for
     * @param sentNow   every threshold that counts as sent after it (the nearer one covers the farther ones)
     */
    public record Due(int threshold, List<Integer> sentNow) {
    }

    /** The reminder due today for this standard, given the thresholds already sent for its current deadline. */
    public Optional<Due> due(StandardState state, LocalDate today, List<Integer> alreadySent) {
        if (state.commentEnd() == null || state.stage() != null && state.stage() != Stage.COMMENT_DRAFT) {
            return Optional.empty();
        }
        long left = ChronoUnit.DAYS.between(today, state.commentEnd());
        if (left < 0) {
            return Optional.empty();
        }
        List<Integer> reached = days.stream().filter(d -> left <= d).toList();
        if (reached.isEmpty()) {
            return Optional.empty();
        }
        int nearest = reached.get(reached.size() - 1);
        if (alreadySent.contains(nearest)) {
            return Optional.empty();
        }
        TreeSet<Integer> sent = new TreeSet<>(alreadySent);
        sent.addAll(reached);
        return Optional.of(new Due(nearest, List.copyOf(sent)));
    }

    /** The reminder event; its id depends on standard, deadline and threshold only, so a replay repeats it. */
    public static ChangeEvent event(StandardState state, Due due, LocalDate today, java.time.Instant at) {
        long left = ChronoUnit.DAYS.between(today, state.commentEnd());
        return new ChangeEvent(ChangeIds.of(state.originKey(), ChangeType.COMMENT_PERIOD_CLOSING,
                state.commentEnd() + "|" + due.threshold()),
                ChangeType.COMMENT_PERIOD_CLOSING, state.key(), state,
                List.of(new FieldChange("daysLeft", null, Long.toString(left))), at, state.sourceUrls());
    }
}
