package org.tc260watch.differ.topology;

import java.util.List;

/** Reminder thresholds already told for one standard and deadline. */
record SentReminders(List<Integer> days) {

    SentReminders {
        days = days == null ? List.of() : List.copyOf(days);
    }
}
