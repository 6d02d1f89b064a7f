package org.tc260watch.differ.detect;

import java.util.List;
import java.util.Objects;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;
import org.tc260watch.events.Health;
import org.tc260watch.events.ScrapeRun;

/** Changes about a source rather than a standard; their key is {@code source:<name>}, ids name the run. */
public final class SourceEvents {

    public static final String KEY_PREFIX = "source:";

    private SourceEvents() {
    }

    public static ChangeEvent baselined(ScrapeRun run, int standards) {
        return event(run, ChangeType.SOURCE_BASELINED, List.of(
                new FieldChange("items", null, Integer.toString(run.items())),
                new FieldChange("standards", null, Integer.toString(standards))));
    }

    public static ChangeEvent healthChanged(ScrapeRun run, Health from, String fromReason) {
        List<FieldChange> fields = Objects.equals(fromReason, run.reason())
                ? List.of(new FieldChange("health", str(from), str(run.health())))
                : List.of(new FieldChange("health", str(from), str(run.health())),
                        new FieldChange("reason", fromReason, run.reason()));
        return event(run, ChangeType.SOURCE_HEALTH_CHANGED, fields);
    }

    private static ChangeEvent event(ScrapeRun run, ChangeType type, List<FieldChange> fields) {
        String key = KEY_PREFIX + run.source();
        return new ChangeEvent(ChangeIds.of(key, type, run.runId()), type, key, null, fields, run.finishedAt(), List.of());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
