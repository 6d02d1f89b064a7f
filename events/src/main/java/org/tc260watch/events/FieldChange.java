package org.tc260watch.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One field of a standard that changed; values are rendered as strings (ISO dates, stage names), null = absent. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FieldChange(String field, String from, String to) {
}
