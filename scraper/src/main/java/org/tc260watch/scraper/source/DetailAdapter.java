package org.tc260watch.scraper.source;

import java.net.URI;
import java.util.Optional;
import org.tc260watch.scraper.fetch.FetchedPage;

/**
 * Knows one detail page type of one site generation (a comment notice, an article): where a listed item's detail
 * page is and what it adds to the item (body facts, attachments, document number, the standards of a batch notice).
 * Pure like {@link SourceAdapter}: the poll loop fetches, the adapter parses.
 *
 * <p>The poll loop fetches a detail page only for items that are new or whose list entry changed, and on the
 * periodic full re-crawl; otherwise it reuses the last result.
 */
public interface DetailAdapter {

    /** The list source ({@link SourceAdapter#source()}) whose items this page type details. */
    String source();

    /** The detail page of a listed item; empty when it has none (the listed item is then published as it is). */
    Optional<URI> detailUrl(ObservedItem listed, SiteAddress site);

    /**
     * Reads a listed item's detail page. Items: the listed item completed with what the page says (see
     * {@code parse.NoticeReader}), or one item per standard when the page is a batch notice. A page that is not this
     * page type gives {@link ParsedPage.Verdict#SOFT_404} or {@link ParsedPage.Verdict#UNRECOGNISED}; the poll loop
     * then keeps the listed item as it is and marks the run DEGRADED. Must never throw on bad HTML.
     */
    ParsedPage parse(ObservedItem listed, FetchedPage page, SiteAddress site);
}
