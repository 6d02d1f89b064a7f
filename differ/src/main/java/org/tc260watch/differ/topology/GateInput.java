package org.tc260watch.differ.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.tc260watch.events.ScrapeRun;

/** What the source gate reads, keyed by source: a sighting or a run verdict (exactly one is set). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GateInput(Sighting sighting, ScrapeRun run) {

    static GateInput of(Sighting sighting) {
        return new GateInput(sighting, null);
    }

    static GateInput of(ScrapeRun run) {
        return new GateInput(null, run);
    }
}
