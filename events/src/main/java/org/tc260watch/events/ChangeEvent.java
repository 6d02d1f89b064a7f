package org.tc260watch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One change to one standard. Topic {@link Topics#CHANGES} (the public one), key {@link #standardKey()}.
 *
 * @param id          deterministic: the same change replayed has the same id
 * @param type        what happened
 * @param standardKey key of the standard
 * @param state       the standard's state after the change
 * @param changes     field-level difference
 * @param detectedAt  when the differ saw it
 * @param sourceUrls  the pages the change was read from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeEvent(
        String id,
        ChangeType type,
        String standardKey,
        StandardState state,
        List<FieldChange> changes,
        Instant detectedAt,
        List<String> sourceUrls) {

    public ChangeEvent {
        changes = changes == null ? List.of() : List.copyOf(changes);
        sourceUrls = sourceUrls == null ? List.of() : List.copyOf(sourceUrls);
    }
}
