package org.tc260watch.notifier.readmodel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of the change feed, newest first.
 *
 * @param items the change events, as published on {@code tc260.changes}
 * @param next  cursor for the next (older) page, null on the last page
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChangePage(List<JsonNode> items, String next) {
}
