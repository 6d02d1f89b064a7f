package org.tc260watch.events;

/** One thing that went wrong during a scrape run. */
public record ScrapeError(String url, String message) {
}
