package org.tc260watch.differ.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.StandardState;

/**
 * What the standards processor emits, exactly one of: a new state to publish, a public key to retire from
 * tc260.standards (the standard's key migrated or it joined another), a sighting for the source gate, a change told
 * directly (reminders and closings from the calendar, withdrawals the gate has already vouched for), or a command for
 * another standard's task ({@code commandTo}: a merged standard's state on its way to the survivor).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Detection(StandardState state, String retiredKey, Sighting sighting, ChangeEvent direct, String commandTo,
        StandardInput command) {

    static Detection of(StandardState state) {
        return new Detection(state, null, null, null, null, null);
    }

    static Detection retire(String key) {
        return new Detection(null, key, null, null, null, null);
    }

    static Detection of(Sighting sighting) {
        return new Detection(null, null, sighting, null, null, null);
    }

    static Detection direct(ChangeEvent change) {
        return new Detection(null, null, null, change, null, null);
    }

    static Detection command(String origin, StandardInput command) {
        return new Detection(null, null, null, null, origin, command);
    }
}
