package org.tc260watch.scraper.source;

import java.net.URI;
import java.util.Optional;
import org.tc260watch.events.Listing;
import org.tc260watch.events.SiteGeneration;
import org.tc260watch.scraper.fetch.FetchedPage;
import org.tc260watch.scraper.fetch.PageRequest;

/**
 * Knows one page type of one site generation: where its list pages are and how to read them. Adapters are pure
 * (no I/O): the poll loop fetches, the adapter parses, so adapters are unit-tested on fixture files.
 */
public interface SourceAdapter {

    /** Stable name of the page type, e.g. {@code portal.suggestion}; prefix of every item key and the runs' key. */
    String source();

    SiteGeneration generation();

    /**
     * What this page type's list means, and so what an item leaving it means; carried on every snapshot of this
     * source. The differ reads an item's absence from consecutive healthy complete runs as removal (or, for a
     * comment draft, as its comment period closing) only for {@link Listing#CATALOGUE} and
     * {@link Listing#OPEN_FOR_COMMENT}; items scroll off an {@link Listing#ARCHIVE} or {@link Listing#RECENT} list
     * without anything having happened. There is deliberately no default: a wrong answer is silent (false
     * "withdrawn" changes, or removals never seen), so every page type, the next redesign's included, must decide.
     * Detail page types have none: the list source they complete says it.
     */
    Listing listing();

    /**
     * URL of list page {@code page} (1-based); page 1 is the entry URL. Empty when the page type has no such page
     * (a single-page source answers empty for page 2). A page type read by form POST returns the form's action URL
     * here and overrides {@link #pageRequest}.
     */
    Optional<URI> pageUrl(SiteAddress site, int page);

    /**
     * The request for list page {@code page} (1-based); empty past the last page. The poll loop and the probe call
     * this, never {@link #pageUrl} directly. By default a GET of {@link #pageUrl}; a page type whose pages are a
     * form POST (the legacy published-standards query) overrides it:
     *
     * <pre>{@code
     * @Override
     * public Optional<PageRequest> pageRequest(SiteAddress site, int page) {
     *     return pageUrl(site, page).map(url -> PageRequest.postForm(url,
     *             Map.of("start", String.valueOf((page - 1) * 10), "length", "10")));   // use a LinkedHashMap for order
     * }
     * }</pre>
     *
     * {@link PageRequest#post(java.net.URI, String)} takes an already encoded form body. GETs are fetched
     * conditionally (a 304 reuses the last result of that URL); POSTs never are.
     */
    default Optional<PageRequest> pageRequest(SiteAddress site, int page) {
        return pageUrl(site, page).map(PageRequest::get);
    }

    /**
     * Reads one fetched page. Must never throw on bad HTML: what it cannot read becomes a verdict or a problem.
     */
    ParsedPage parse(FetchedPage page, SiteAddress site);
}
