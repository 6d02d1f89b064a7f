package org.tc260watch.differ.detect;

import org.tc260watch.events.ChangeEvent;

/** A detected change waiting for the verdict on the scrape run it came from. */
public record PendingChange(String source, String runId, ChangeEvent change) {
}
