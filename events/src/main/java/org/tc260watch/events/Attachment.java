package org.tc260watch.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A file linked from an item.
 *
 * @param label the site's label, e.g. {@code 征求意见稿} or {@code 编制说明} (without the colon), if any
 * @param name  the file name as displayed
 * @param url   absolute URL
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attachment(String label, String name, String url) {
}
