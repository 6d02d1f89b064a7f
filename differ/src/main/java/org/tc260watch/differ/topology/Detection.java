package org.tc260watch.differ.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.tc260watch.differ.detect.PendingChange;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.StandardState;

/**
 * What the standard processor emits, exactly one field set: a new state to publish, a change to pass to the baseline
 * gate, or a change told directly (reminders, which come from the clock, not from a scrape run).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Detection(StandardState state, PendingChange change, ChangeEvent direct) {

    static Detection of(StandardState state) {
        return new Detection(state, null, null);
    }

    static Detection of(PendingChange change) {
        return new Detection(null, change, null);
    }

    static Detection direct(ChangeEvent change) {
        return new Detection(null, null, change);
    }
}
