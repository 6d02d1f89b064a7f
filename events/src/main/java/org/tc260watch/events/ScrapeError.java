package org.tc260watch.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing that went wrong during a scrape run.
 *
 * @param url     the URL concerned, null when the error is not about one page
 * @param message what went wrong, for people
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScrapeError(String url, String message) {
}
