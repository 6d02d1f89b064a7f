package org.tc260watch.differ.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.tc260watch.differ.detect.PendingChange;
import org.tc260watch.events.StandardState;

/** What the standard processor emits: a new state to publish or a change to pass to the gate (exactly one is set). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Detection(StandardState state, PendingChange change) {
}
