package org.tc260watch.differ.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.FieldChange;

/**
 * Flapping: the changes of one run are told net. A field that went A→B→A within the run (two pages of one standard
 * that disagree, an edit undone) is no change; A→B→C is told once as A→C.
 */
public final class ChangeNetting {

    private ChangeNetting() {
    }

    public static List<ChangeEvent> net(List<ChangeEvent> changes) {
        Map<String, List<ChangeEvent>> byStandardAndType = new LinkedHashMap<>();
        for (ChangeEvent c : changes) {
            String origin = c.state() == null ? c.standardKey() : c.state().originKey();
            byStandardAndType.computeIfAbsent(origin + "|" + c.type().wireName(), k -> new ArrayList<>()).add(c);
        }
        List<ChangeEvent> told = new ArrayList<>();
        for (List<ChangeEvent> group : byStandardAndType.values()) {
            ChangeEvent last = group.get(group.size() - 1);
            if (group.size() == 1 || last.type() == ChangeType.STANDARD_ADDED) {
                told.addAll(group);
                continue;
            }
            Map<String, FieldChange> fields = new LinkedHashMap<>();
            for (ChangeEvent c : group) {
                for (FieldChange f : c.changes()) {
                    // Attachments are additions, each its own; other fields are one value that moves.
                    String name = "attachments".equals(f.field()) ? f.field() + "|" + f.to() : f.field();
                    FieldChange first = fields.get(name);
                    fields.put(name, new FieldChange(f.field(), first == null ? f.from() : first.from(), f.to()));
                }
            }
            List<FieldChange> net = fields.values().stream().filter(f -> !Objects.equals(f.from(), f.to())).toList();
            if (!net.isEmpty()) {
                told.add(new ChangeEvent(last.id(), last.type(), last.standardKey(), last.state(), net, last.detectedAt(),
                        last.sourceUrls()));
            }
        }
        return told;
    }
}
