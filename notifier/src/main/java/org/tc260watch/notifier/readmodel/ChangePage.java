package org.tc260watch.notifier.readmodel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of a list, newest first for changes, by key for standards.
 *
 * @param items      the change events as published on {@code tc260.changes}, or the standards
 * @param nextCursor cursor of the next page ({@code after=}), null on the last page
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChangePage(List<JsonNode> items, String nextCursor) {
}
