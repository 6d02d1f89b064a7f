package org.tc260watch.scraper.source;

import java.net.URI;
import java.util.Optional;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.scraper.fetch.FetchedPage;

/**
 * Knows one page type of one site generation: where its list pages are and how to read them. Adapters are pure
 * (no I/O): the poll loop fetches, the adapter parses, so adapters are unit-tested on fixture files.
 */
public interface SourceAdapter {

    /** Stable name of the page type, e.g. {@code portal.suggestion}; prefix of every item key and the runs' key. */
    String source();

    SiteGeneration generation();

    /**
     * URL of list page {@code page} (1-based); page 1 is the entry URL. Empty when the page type has no such page
     * (a single-page source answers empty for page 2).
     */
    Optional<URI> pageUrl(SiteAddress site, int page);

    /**
     * Reads one fetched page. Must never throw on bad HTML: what it cannot read becomes a verdict or a problem.
     */
    ParsedPage parse(FetchedPage page, SiteAddress site);

    /**
     * Whether the poll loop should hand this answer to {@link #parse} at all; HTML pages by default. An adapter of
     * a JSON endpoint accepts JSON, and HTML too so that it can tell a soft 404 (the homepage) by itself.
     */
    default boolean accepts(FetchedPage page) {
        return page.isHtml();
    }
}
