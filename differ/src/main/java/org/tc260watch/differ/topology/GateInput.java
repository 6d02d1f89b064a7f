package org.tc260watch.differ.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.tc260watch.differ.detect.PendingChange;
import org.tc260watch.events.ScrapeRun;

/** What the baseline gate reads, keyed by source: a detected change or a run verdict (exactly one is set). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GateInput(PendingChange change, ScrapeRun run) {

    static GateInput of(PendingChange change) {
        return new GateInput(change, null);
    }

    static GateInput of(ScrapeRun run) {
        return new GateInput(null, run);
    }
}
